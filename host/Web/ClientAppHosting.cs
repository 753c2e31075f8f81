using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Kinerja.Host.Web;

/// <summary>
/// The web app built from ClientApp (copied beside the program as wwwroot): its files, sent precompressed where
/// the browser takes brotli or gzip, GraphiQL at /graphiql, and index.html for every other page path.
/// </summary>
internal static class ClientAppHosting
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void MapClientApp(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("Aplikasi web tidak ditemukan di {Root}: bangun host dengan Node.js 20 atau lebih baru terpasang", root);
            return;
        }
        var files = new PhysicalFileProvider(root);
        app.Use((http, next) => Precompressed(http, files, next));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new OriginalTypeProvider(),
            OnPrepareResponse = context => Cache(context.Context),
        });
        app.MapGet("/graphiql", (HttpContext http) => SendPage(http, files, "graphiql.html"));
        app.MapFallback("{*path:nonfile}", (HttpContext http) => SendPage(http, files, "index.html"))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }

    // Vite names every asset by its content, so an asset never changes under its name; pages are asked for again.
    private static void Cache(HttpContext http) =>
        http.Response.Headers.CacheControl = http.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";

    private static async Task SendPage(HttpContext http, IFileProvider files, string page)
    {
        var encoding = Encoding(http, files, page);
        var file = files.GetFileInfo(encoding is null ? page : $"{page}.{encoding.Value.Extension}");
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding is not null)
        {
            http.Response.Headers.ContentEncoding = encoding.Value.Name;
        }
        Cache(http);
        await http.Response.SendFileAsync(file);
    }

    private static Task Precompressed(HttpContext http, IFileProvider files, Func<Task> next)
    {
        var path = http.Request.Path.Value;
        if ((HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && path is not null
            && Path.HasExtension(path) && Encoding(http, files, path) is { } encoding)
        {
            http.Request.Path = $"{path}.{encoding.Extension}";
            http.Response.Headers.ContentEncoding = encoding.Name;
            http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        }
        return next();
    }

    private static (string Name, string Extension)? Encoding(HttpContext http, IFileProvider files, string path)
    {
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        foreach (var (name, extension) in new[] { ("br", "br"), ("gzip", "gz") })
        {
            if (accepted.Contains(name, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo($"{path}.{extension}").Exists)
            {
                return (name, extension);
            }
        }
        return null;
    }

    /// <summary>The type of a precompressed copy is that of the file it was made from.</summary>
    private sealed class OriginalTypeProvider : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            var original = subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal)
                ? subpath[..^3]
                : subpath;
            return Types.TryGetContentType(original, out contentType!);
        }
    }
}
