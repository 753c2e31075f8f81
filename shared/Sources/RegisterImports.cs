using Autofac;
using GraphQL;
using GraphQL.Types;
using Kinerja.Shared.Data;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Errors;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Security;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Shared.Sources;

/// <summary>
/// Imports of register files, whichever module keeps the register: <c>import pmks FILE</c> on the command
/// line and <c>importRegister</c> in GraphQL.
/// </summary>
internal sealed class RegisterImports
{
    private readonly IReadOnlyList<IRegisterImporter> _importers;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly TabularLimits _limits;
    private readonly IClosedQuarters _closedQuarters;
    private readonly KinerjaMetrics _metrics;

    // Checking a file is seconds of CPU (a hostile XLSX reads millions of shared strings before it is refused). On the
    // thread pool two such checks took both threads of a 2-core host, and an operator's entry waited 1.5 s for one; so
    // each runs on a thread of its own, and at most one per two cores at a time, which also bounds their memory.
    private readonly SemaphoreSlim _checking = new(Math.Max(1, Environment.ProcessorCount / 2));

    public RegisterImports(IEnumerable<IRegisterImporter> importers, Access access, IAuditTrail audit, IUnitOfWork unit, IConfiguration configuration,
        IClosedQuarters closedQuarters, KinerjaMetrics metrics)
    {
        _metrics = metrics;
        _closedQuarters = closedQuarters;
        _unit = unit;
        _importers = importers.OrderBy(i => i.Register).ToList();
        _access = access;
        _audit = audit;
        _limits = new TabularLimits(
            configuration.GetValue("Kinerja:Registers:MaxColumns", TabularLimits.Default.MaxColumns),
            configuration.GetValue("Kinerja:Registers:MaxSharedStrings", TabularLimits.Default.MaxSharedStrings),
            configuration.GetValue("Kinerja:Registers:MaxSharedStringChars", TabularLimits.Default.MaxSharedStringChars));
    }

    public IReadOnlyList<IRegisterImporter> Importers => _importers;

    /// <summary>
    /// Whether the caller may import the register: an operator of the register's unit (or above) or an admin; for
    /// services, whose rows name their units, an operator of some unit or an admin. Known from the token alone, so
    /// an upload is refused before its body is read.
    /// </summary>
    public void RequireImport(Caller caller, IRegisterImporter importer)
    {
        if (importer.OwnerUnit is { } unit)
        {
            _access.RequireEntry(caller, unit, $"register {importer.Register}");
        }
        else
        {
            Access.RequireEntryOfSomeUnit(caller, $"register {importer.Register}");
        }
    }

    /// <summary>
    /// Imports a file for a caller (see <see cref="RequireImport"/>); for services, rows of units outside the caller's are
    /// refused one by one. The file is read and checked first, while no other change waits for it; the writer's turn is
    /// then taken only to write the accepted rows with the audit row. Rows that fall in a closed triwulan are stored and
    /// counted: its figures answer from their snapshot, so they do not move.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Caller caller, IRegisterImporter importer, Stream content, string fileName, RefusedRows refused,
        CancellationToken cancellationToken)
    {
        RequireImport(caller, importer);
        using var checkedFile = await CheckAsync(caller, importer, content, fileName, refused, cancellationToken);
        // The rows, the module's register version and the audit row commit together or not at all.
        var imported = await _unit.RunAsync(async () =>
        {
            var closed = new ClosedQuarterRows(await _closedQuarters.ClosedAsync(cancellationToken));
            var written = await checkedFile.WriteAsync(closed, cancellationToken);
            var result = new ImportResult(importer.Register, written.Module, checkedFile.Rows, written.Inserted, written.Updated, written.Unchanged,
                refused.First, refused.Count, closed.Count, closed.Note);
            await _audit.RecordAsync(caller, new AuditEntry("register diimpor", importer.OwnerUnit, importer.Register, null, null, null,
                new { fileName, result.Rows, result.Inserted, result.Updated, result.Unchanged, refused = result.RefusedCount, result.InClosedQuarters }),
                cancellationToken);
            return result;
        }, cancellationToken);
        // Every row read is accepted or refused (a row refused for two reasons is one row here, two refusals in the answer).
        _metrics.Imported(importer.Register, imported.Accepted, imported.Rows - imported.Accepted);
        return imported;
    }

    private async Task<ICheckedFile> CheckAsync(Caller caller, IRegisterImporter importer, Stream content, string fileName, RefusedRows refused,
        CancellationToken cancellationToken)
    {
        await _checking.WaitAsync(cancellationToken);
        try
        {
            return await Task.Factory.StartNew(
                () => importer.Check(content, fileName, _limits, unitCode => _access.MayEnter(caller, unitCode), refused, cancellationToken),
                cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _checking.Release();
        }
    }

    public IRegisterImporter Find(string register) =>
        _importers.FirstOrDefault(i => i.Register == register.Trim().ToLowerInvariant())
        ?? throw new InputException("register",
            $"register '{register}' tidak dikenal pada host ini; yang ada: {string.Join(", ", _importers.Select(i => i.Register))}");
}

internal sealed class ImportCommand(RegisterImports imports) : IHostCommand
{
    public string Name => "import";

    public string Summary => "mengimpor berkas register (pmks, psks, tmp, layanan) CSV atau XLSX";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count < 2 || args[0].StartsWith('-') || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync($"Pemakaian: import REGISTER BERKAS (register: {string.Join(", ", imports.Importers.Select(i => i.Register))})");
            return 2;
        }
        if (!File.Exists(args[1]))
        {
            await error.WriteLineAsync($"Berkas '{Path.GetFullPath(args[1])}' tidak ada.");
            return 2;
        }
        ImportResult result;
        // Every refusal is printed: they are kept on disk, not in memory.
        using var refused = new RefusedRows(keepAll: true);
        try
        {
            var importer = imports.Find(args[0]);
            await using var file = File.OpenRead(args[1]);
            result = await imports.ImportAsync(Caller.CommandLine, importer, file, args[1], refused, cancellationToken);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Impor ditolak: {e.Message}");
            return 2;
        }
        await output.WriteLineAsync($"Impor {result.Register} ({result.Module}): {result.Rows} baris, {result.Accepted} diterima "
            + $"({result.Inserted} baru, {result.Updated} diperbarui, {result.Unchanged} tidak berubah), {result.RefusedCount} ditolak.");
        if (result.ClosedQuarterNote is { } note)
        {
            await output.WriteLineAsync($"Catatan: {note}.");
        }
        foreach (var row in refused.All())
        {
            await output.WriteLineAsync($"  baris {row.Line}, {row.Field}: {row.Reason}");
        }
        return result.RefusedCount == 0 ? 0 : 1;
    }
}

internal sealed class ImportResultType : ObjectGraphType<ImportResult>
{
    public ImportResultType()
    {
        Name = "ImportResult";
        Field<NonNullGraphType<StringGraphType>>("register").Resolve(c => c.Source.Register);
        Field<NonNullGraphType<StringGraphType>>("module").Resolve(c => c.Source.Module);
        Field<NonNullGraphType<IntGraphType>>("rows").Description("Data rows read (the header not counted).").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("accepted").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("inserted").Resolve(c => c.Source.Inserted);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefusedRowType>>>>("refused")
            .Description($"The first {RefusedRows.Kept} refusals, in file order (a row refused for two reasons is listed twice).")
            .Resolve(c => c.Source.Refused);
        Field<NonNullGraphType<IntGraphType>>("refusedCount")
            .Description("Every refusal, listed in refused or not. POST /registers/{register} with Accept: text/csv answers all of them.")
            .Resolve(c => c.Source.RefusedCount);
        Field<NonNullGraphType<IntGraphType>>("inClosedQuarters")
            .Description("Accepted rows that fall in a closed triwulan (a service dated in it; a category, institution or TMP active on its last day): "
                + "stored and counted in the periods still open, while the closed triwulan's figures answer from their snapshot.")
            .Resolve(c => c.Source.InClosedQuarters);
        Field<StringGraphType>("closedQuarterNote")
            .Description("What inClosedQuarters means, in Bahasa Indonesia, naming the closed triwulan; null when it is 0.")
            .Resolve(c => c.Source.ClosedQuarterNote);
    }
}

internal sealed class RefusedRowType : ObjectGraphType<RefusedRow>
{
    public RefusedRowType()
    {
        Name = "RefusedRow";
        Field<NonNullGraphType<IntGraphType>>("line").Description("The row's line in the file; the header is line 1.").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}

internal sealed class RegisterFileType : ObjectGraphType<IRegisterImporter>
{
    public RegisterFileType()
    {
        Name = "RegisterFile";
        Description = "A register that can be imported, and the headers of its file.";
        Field<NonNullGraphType<StringGraphType>>("register").Resolve(c => c.Source.Register);
        Field<NonNullGraphType<StringGraphType>>("module").Resolve(c => c.Source.Module);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("headers").Resolve(c => c.Source.Headers);
    }
}

/// <summary>The host's own part of the schema: register imports, which span modules.</summary>
internal sealed class RegisterImportsGraphQL : IGraphQLContributor
{
    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegisterFileType>>>>("registerFiles")
            .Description("The registers this host can import, with the headers their CSV or XLSX files use.")
            .Resolve(c => c.Service<RegisterImports>().Importers);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("kecamatan")
            .KeptAlongside()
            .Description("The 18 kecamatan of Kabupaten Gresik, as registers record a domicile and figures are broken down.")
            .Resolve(_ => Registers.Kecamatan.All);
    }

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ImportResultType>>("importRegister")
            .WithComplexityImpact(FieldCosts.Import)
            .Description("Imports a register file (CSV or XLSX, by its name's extension) given as base64. Every row is checked; "
                + $"accepted rows are stored together, the first {RefusedRows.Kept} refusals are listed with line, field and reason, and refusedCount counts them all.")
            .Argument<NonNullGraphType<StringGraphType>>("register", a => a.Description = "pmks, psks, tmp or layanan")
            .Argument<NonNullGraphType<StringGraphType>>("fileName")
            .Argument<NonNullGraphType<StringGraphType>>("contentBase64")
            .ResolveAsync(async c =>
            {
                var imports = c.Service<RegisterImports>();
                var caller = Caller.From(c.User);
                var importer = imports.Find(c.GetArgument<string>("register"));
                imports.RequireImport(caller, importer);
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(c.GetArgument<string>("contentBase64"));
                }
                catch (FormatException)
                {
                    throw new InputException("contentBase64", "isi berkas bukan base64 yang sah");
                }
                using var stream = new MemoryStream(content, writable: false);
                using var refused = new RefusedRows();
                return await imports.ImportAsync(caller, importer, stream, c.GetArgument<string>("fileName"), refused, c.CancellationToken);
            });
}

public static class RegisterImportsRegistration
{
    /// <summary>
    /// The imports of the enabled modules' registers, whoever owns them: the services register every module with one
    /// shares, the upload endpoint, the <c>import</c> command and the <c>registerFiles</c> query.
    /// </summary>
    public static void RegisterRegisterImports(this ContainerBuilder builder)
    {
        builder.RegisterType<ServiceImporter>().As<IRegisterImporter>().SingleInstance();
        builder.RegisterType<RegisterImports>().SingleInstance();
        builder.RegisterType<ImportCommand>().As<IHostCommand>().SingleInstance();
        builder.RegisterType<RegisterImportsGraphQL>().As<IGraphQLContributor>().SingleInstance();
        builder.RegisterType<RegisterUpload>().As<IEndpointContributor>().SingleInstance();
    }
}
