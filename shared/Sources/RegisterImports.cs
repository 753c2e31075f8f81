using Autofac;
using GraphQL;
using GraphQL.Types;
using Kinerja.Shared.Data;
using Kinerja.Shared.Errors;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

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

    public RegisterImports(IEnumerable<IRegisterImporter> importers, Access access, IAuditTrail audit, IUnitOfWork unit)
    {
        _unit = unit;
        _importers = importers.OrderBy(i => i.Register).ToList();
        _access = access;
        _audit = audit;
    }

    public IReadOnlyList<IRegisterImporter> Importers => _importers;

    /// <summary>
    /// Imports a file for a caller: an operator of the register's unit (or above) or an admin; for services,
    /// rows of units outside the caller's are refused one by one.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Caller caller, IRegisterImporter importer, Stream content, string fileName, CancellationToken cancellationToken)
    {
        if (importer.OwnerUnit is { } unit)
        {
            _access.RequireEntry(caller, unit, $"register {importer.Register}");
        }
        else
        {
            Access.RequireSignedIn(caller);
        }
        // The rows, the module's register version and the audit row commit together or not at all.
        return await _unit.RunAsync(async () =>
        {
            var result = await importer.ImportAsync(content, fileName, unitCode => _access.MayEnter(caller, unitCode), cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("register diimpor", importer.OwnerUnit, importer.Register, null, null, null,
                new { fileName, result.Rows, result.Inserted, result.Updated, result.Unchanged, refused = result.Refused.Count }), cancellationToken);
            return result;
        }, cancellationToken);
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
        try
        {
            var importer = imports.Find(args[0]);
            await using var file = File.OpenRead(args[1]);
            result = await imports.ImportAsync(Caller.CommandLine, importer, file, args[1], cancellationToken);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Impor ditolak: {e.Message}");
            return 2;
        }
        await output.WriteLineAsync($"Impor {result.Register} ({result.Module}): {result.Rows} baris, {result.Accepted} diterima "
            + $"({result.Inserted} baru, {result.Updated} diperbarui, {result.Unchanged} tidak berubah), {result.Refused.Count} ditolak.");
        foreach (var row in result.Refused)
        {
            await output.WriteLineAsync($"  baris {row.Line}, {row.Field}: {row.Reason}");
        }
        return result.Refused.Count == 0 ? 0 : 1;
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefusedRowType>>>>("refused").Resolve(c => c.Source.Refused);
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
                + "accepted rows are stored together, refused rows are listed with line, field and reason.")
            .Argument<NonNullGraphType<StringGraphType>>("register", a => a.Description = "pmks, psks, tmp or layanan")
            .Argument<NonNullGraphType<StringGraphType>>("fileName")
            .Argument<NonNullGraphType<StringGraphType>>("contentBase64")
            .ResolveAsync(async c =>
            {
                var importer = c.Service<RegisterImports>().Find(c.GetArgument<string>("register"));
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
                return await c.Service<RegisterImports>().ImportAsync(Caller.From(c.User), importer, stream, c.GetArgument<string>("fileName"), c.CancellationToken);
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
