using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>A report laid out in a file format.</summary>
internal sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>Makes the file a request asks for: a table report laid out as XLSX, PDF or HTML, or the LKjIP as a Word document.</summary>
internal sealed class ReportFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly ReportService _reports;
    private readonly LkjipReport _lkjip;

    public ReportFiles(ReportService reports, LkjipReport lkjip)
    {
        _reports = reports;
        _lkjip = lkjip;
    }

    public async Task<ReportFile> MakeAsync(Caller caller, ReportRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind == ReportKind.Lkjip)
        {
            var document = await _lkjip.BuildAsync(caller, request.Year, cancellationToken);
            using var buffer = new MemoryStream();
            DocxWriter.Write(document, buffer);
            return new(document.FileName, DocxType, buffer.ToArray());
        }
        return Render(await _reports.BuildAsync(caller, request, cancellationToken), request.Format);
    }

    public static ReportFile Render(ReportDocument document, ReportFormat format)
    {
        using var buffer = new MemoryStream();
        switch (format)
        {
            case ReportFormat.Xlsx:
                XlsxReportWriter.Write(document, buffer);
                return new(document.FileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer.ToArray());
            case ReportFormat.Pdf:
                PdfReportWriter.Write(document, buffer);
                return new(document.FileName, "application/pdf", buffer.ToArray());
            case ReportFormat.Html:
                return new(document.FileName, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(HtmlReportWriter.Write(document)));
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "a table report is written as xlsx, pdf or html");
        }
    }
}

/// <summary>
/// <c>GET /reports/{report}.{xlsx|pdf|html}?year=&amp;quarter=&amp;cumulative=&amp;unit=</c> and <c>GET /reports/lkjip.docx?year=</c> with the bearer token.
/// Refusals answer JSON <c>{ "message", "fields" }</c>: 401 without an account, 403 outside the caller's units,
/// 400 naming each bad parameter.
/// </summary>
internal sealed class ReportEndpoints : IEndpointContributor
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/{file}", ServeAsync).WithMetadata(new RefusalBody(message => new { message }));

    private static async Task<IResult> ServeAsync(HttpContext http, string file)
    {
        var caller = Caller.From(http.User);
        var services = http.RequestServices;
        try
        {
            if (!caller.IsSignedIn)
            {
                var why = http.Items[SignIn.FailureItem] as string ?? "tanpa token";
                throw new AccessException("UNAUTHENTICATED",
                    $"{why}: laporan memerlukan akun; masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...");
            }
            var query = http.Request.Query;
            if (file == "anggaran.xlsx")
            {
                return await BudgetWorkbookAsync(http, caller, query);
            }
            var dot = file.LastIndexOf('.');
            var request = ReportRequest.Parse(dot < 0 ? file : file[..dot], dot < 0 ? "" : file[(dot + 1)..],
                query["year"].FirstOrDefault(), query["quarter"].FirstOrDefault(), query["cumulative"].FirstOrDefault(),
                query["unit"].FirstOrDefault(), query["revision"].FirstOrDefault(), services.GetRequiredService<ModuleDirectory>());
            var rendered = await services.GetRequiredService<ReportFiles>().MakeAsync(caller, request, http.RequestAborted);
            // A unit's report is for its readers only: no shared cache may keep it.
            http.Response.Headers.CacheControl = "no-store";
            return request.Format == ReportFormat.Html
                ? Results.Bytes(rendered.Content, rendered.ContentType)
                : Results.File(rendered.Content, rendered.ContentType, rendered.FileName);
        }
        catch (InputException e)
        {
            return Refused(e);
        }
        catch (AccessException e)
        {
            return Refused(http, e);
        }
    }

    /// <summary>The unit's budget lines of a year as the workbook <c>importBudget</c> takes, filled with what is stored.</summary>
    private static async Task<IResult> BudgetWorkbookAsync(HttpContext http, Caller caller, IQueryCollection query)
    {
        var checks = new Checks.InputChecks();
        var unit = query["unit"].FirstOrDefault();
        if (string.IsNullOrEmpty(unit))
        {
            checks.Add("unit", "unit wajib diisi, misalnya unit=PEMULIHAN");
        }
        if (!int.TryParse(query["year"].FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            checks.Add("year", "tahun wajib diisi sebagai bilangan bulat, misalnya year=2026");
        }
        checks.ThrowIfFailed();
        var lines = await http.RequestServices.GetRequiredService<Planning.Budget>().ListAsync(caller, year, unit, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(Planning.BudgetWorkbook.Write(lines.Where(l => l.Unit == unit)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"anggaran-{year}-{unit!.ToLowerInvariant()}.xlsx");
    }

    private static IResult Refused(InputException e) =>
        Results.Json(new { message = e.Message, fields = e.Errors.Select(f => new { field = f.Field, reason = f.Reason }) }, Json,
            statusCode: StatusCodes.Status400BadRequest);

    private static IResult Refused(HttpContext http, AccessException e)
    {
        var unauthenticated = e.Code == "UNAUTHENTICATED";
        if (unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
        return Results.Json(new { message = e.Message }, Json,
            statusCode: unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
    }
}
