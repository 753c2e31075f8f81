using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Security;
using Kinerja.Shared.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Shared.Sources;

/// <summary>
/// <c>POST /registers/{register}</c>: a register file as <c>multipart/form-data</c> (field <c>file</c>), so a whole
/// register (the 1,000,000-person PMKS file is 100 MB) goes in without being held in memory or squeezed into a GraphQL
/// request. The same checks, access rules and audit as the command line. Who may import is checked from the token
/// before a byte of the body is read; the file is then spooled to a temporary file as it arrives (no thread waits on
/// the network) and imported from there. The answer is the tally as JSON with the first refusals, or with
/// <c>Accept: text/csv</c> every refusal as CSV.
/// </summary>
internal sealed class RegisterUpload : IEndpointContributor
{
    public const string Path = "/registers/{register}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long MaxUploadBytes(IConfiguration configuration) =>
        configuration.GetValue("Kinerja:Registers:MaxUploadBytes", 1024L * 1024 * 1024);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (HttpContext http, string register, RegisterImports imports, IConfiguration configuration) =>
        {
            var limit = MaxUploadBytes(configuration);
            try
            {
                var caller = Caller.From(http.User);
                if (!caller.IsSignedIn)
                {
                    var why = http.Items[SignIn.FailureItem] as string ?? "tanpa token";
                    return Error(StatusCodes.Status401Unauthorized, null,
                        $"{why}: unggah register memerlukan akun; masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...");
                }
                var importer = imports.Find(register);
                imports.RequireImport(caller, importer);
                if (http.Request.ContentLength > limit)
                {
                    return TooLarge(limit);
                }
                // The register's own body limit, above the one GraphQL requests have.
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }
                var boundary = Boundary(http.Request.ContentType);
                var reader = new MultipartReader(boundary, http.Request.Body);
                while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        || disposition.Name.Value != "file")
                    {
                        continue;
                    }
                    var fileName = disposition.FileName.HasValue ? disposition.FileName.Value! : disposition.FileNameStar.Value;
                    if (string.IsNullOrWhiteSpace(fileName))
                    {
                        throw new InputException("file", "bagian 'file' tidak membawa nama berkas (filename=...), yang menentukan CSV atau XLSX");
                    }
                    using var upload = RowSpool.CreateFile();
                    await section.Body.CopyToAsync(upload, http.RequestAborted);
                    upload.Position = 0;
                    var csv = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
                    using var refused = new RefusedRows(keepAll: csv);
                    var result = await imports.ImportAsync(caller, importer, upload, System.IO.Path.GetFileName(fileName), refused, http.RequestAborted);
                    if (csv)
                    {
                        await WriteCsvAsync(http.Response, result, refused, http.RequestAborted);
                        return Results.Empty;
                    }
                    return Results.Json(new
                    {
                        result.Register,
                        result.Module,
                        result.Rows,
                        result.Accepted,
                        result.Inserted,
                        result.Updated,
                        result.Unchanged,
                        refused = result.Refused.Select(r => new { r.Line, r.Field, r.Reason }),
                        result.RefusedCount,
                        result.InClosedQuarters,
                        result.ClosedQuarterNote,
                    }, Json);
                }
                throw new InputException("file", "permintaan tidak memuat bagian 'file' (multipart/form-data dengan berkas CSV atau XLSX)");
            }
            catch (InputException e)
            {
                return Error(StatusCodes.Status400BadRequest, e.Errors[0].Field, e.Message);
            }
            catch (AccessException e)
            {
                return Error(e.Code == "UNAUTHENTICATED" ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, null, e.Message);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(limit);
            }
            catch (InvalidDataException e)
            {
                return Error(StatusCodes.Status400BadRequest, "file", $"badan multipart tidak sah: {e.Message}");
            }
        }).WithMetadata(new RefusalBody(message => new { error = message, field = (string?)null }));

    /// <summary>
    /// Every refusal as CSV (baris; kolom; alasan), read back from its temporary file as it is sent: a file of millions of
    /// refused rows answers in flat memory. Separated by ';' with a BOM, as Excel in an Indonesian locale opens it; the
    /// tally goes in the headers.
    /// </summary>
    private static async Task WriteCsvAsync(HttpResponse response, ImportResult result, RefusedRows refused, CancellationToken cancellationToken)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"ditolak-{result.Register}.csv\"";
        foreach (var (name, value) in new[] { ("Rows", result.Rows), ("Accepted", result.Accepted), ("Inserted", result.Inserted),
            ("Updated", result.Updated), ("Unchanged", result.Unchanged), ("Refused", result.RefusedCount), ("In-Closed-Quarters", result.InClosedQuarters) })
        {
            response.Headers[$"Kinerja-Import-{name}"] = value.ToString(CultureInfo.InvariantCulture);
        }
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await writer.WriteAsync("baris;kolom;alasan\r\n");
        foreach (var row in refused.All())
        {
            await writer.WriteAsync($"{row.Line.ToString(CultureInfo.InvariantCulture)};{Cell(row.Field)};{Cell(row.Reason)}\r\n".AsMemory(), cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    // Quoted where it must be; a cell that starts like a formula gets a leading quote, so that a spreadsheet shows the text instead of running it.
    private static string Cell(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new InputException("Content-Type", $"harus multipart/form-data dengan boundary (diterima '{contentType ?? "tanpa Content-Type"}')");
        }
        return boundary;
    }

    private static IResult TooLarge(long limit) => Error(StatusCodes.Status413PayloadTooLarge, "file",
        $"berkas lebih besar dari batas {limit} bita (Kinerja:Registers:MaxUploadBytes)");

    private static IResult Error(int status, string? field, string message) =>
        Results.Json(new { error = message, field }, Json, statusCode: status);
}
