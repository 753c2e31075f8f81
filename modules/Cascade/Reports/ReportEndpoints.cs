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

internal static class ReportFiles
{
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
            default:
                return new(document.FileName, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(HtmlReportWriter.Write(document)));
        }
    }
}

/// <summary>
/// <c>GET /reports/{report}.{xlsx|pdf|html}?year=&amp;quarter=&amp;cumulative=&amp;unit=</c> with the bearer token.
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
            var dot = file.LastIndexOf('.');
            var query = http.Request.Query;
            var request = ReportRequest.Parse(dot < 0 ? file : file[..dot], dot < 0 ? "" : file[(dot + 1)..],
                query["year"].FirstOrDefault(), query["quarter"].FirstOrDefault(), query["cumulative"].FirstOrDefault(),
                query["unit"].FirstOrDefault(), services.GetRequiredService<ModuleDirectory>());
            var document = await services.GetRequiredService<ReportService>().BuildAsync(caller, request, http.RequestAborted);
            var rendered = ReportFiles.Render(document, request.Format);
            // A unit's report is for its readers only: no shared cache may keep it.
            http.Response.Headers.CacheControl = "no-store";
            return request.Format == ReportFormat.Html
                ? Results.Bytes(rendered.Content, rendered.ContentType)
                : Results.File(rendered.Content, rendered.ContentType, rendered.FileName);
        }
        catch (InputException e)
        {
            return Results.Json(new { message = e.Message, fields = e.Errors.Select(f => new { field = f.Field, reason = f.Reason }) }, Json,
                statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessException e)
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
}
