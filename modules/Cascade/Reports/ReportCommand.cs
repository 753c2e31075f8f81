using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// <c>report pengukuran-kinerja --year 2026 [--quarter 2] [--cumulative] [--unit REHSOS] --format xlsx --out FILE</c>, or
/// <c>report lkjip --year 2026 --out lkjip-2026.docx</c>: a report written to a file, as the command line (an admin).
/// </summary>
internal sealed class ReportCommand : IHostCommand
{
    private const string Usage =
        "Pemakaian: report pengukuran-kinerja|perjanjian-kinerja|rencana-aksi --year TAHUN [--quarter 1-4] [--cumulative] [--unit KODE] [--revision N] "
        + "--format xlsx|pdf|html --out BERKAS\n          report lkjip --year TAHUN --out BERKAS.docx";

    private readonly ReportFiles _reports;
    private readonly ModuleDirectory _directory;

    public ReportCommand(ReportFiles reports, ModuleDirectory directory)
    {
        _reports = reports;
        _directory = directory;
    }

    public string Name => "report";

    public string Summary => "menulis laporan (pengukuran-kinerja, perjanjian-kinerja, rencana-aksi) ke berkas XLSX, PDF atau HTML, dan draf LKjIP ke berkas Word (DOCX)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = CommandOptions.Value(args, "--out");
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(path))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var format = CommandOptions.Value(args, "--format") ?? Path.GetExtension(path).TrimStart('.');
        // --cumulative alone means true; a following word is its value.
        var cumulative = CommandOptions.Value(args, "--cumulative") is { } v && !v.StartsWith("--", StringComparison.Ordinal)
            ? v
            : args.Contains("--cumulative") ? "true" : null;
        try
        {
            var request = ReportRequest.Parse(args[0], format, CommandOptions.Value(args, "--year"), CommandOptions.Value(args, "--quarter"),
                cumulative, CommandOptions.Value(args, "--unit"), CommandOptions.Value(args, "--revision"), _directory);
            var file = await _reports.MakeAsync(Caller.CommandLine, request, cancellationToken);
            await File.WriteAllBytesAsync(path, file.Content, cancellationToken);
            await output.WriteLineAsync($"{file.FileName}: {file.Content.Length} bita ditulis ke {Path.GetFullPath(path)}");
            return 0;
        }
        catch (InputException e)
        {
            await error.WriteLineAsync($"Laporan ditolak: {e.Message}");
            await error.WriteLineAsync(Usage);
            return 2;
        }
    }
}
