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
/// <c>POST /registers/{register}</c>: a register file as <c>multipart/form-data</c> (field <c>file</c>), read as it
/// arrives, so a whole register (the 1,000,000-person PMKS file is 100 MB) goes in without being held in
/// memory or squeezed into a GraphQL request. The same checks, access rules and audit as the command line.
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
                    // The row readers pull the upload synchronously as they parse it: a row is checked as it
                    // arrives instead of the whole file being buffered first.
                    if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
                    {
                        body.AllowSynchronousIO = true;
                    }
                    var result = await imports.ImportAsync(caller, importer, section.Body, System.IO.Path.GetFileName(fileName), http.RequestAborted);
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
        });

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
