namespace Kinerja.Host.GraphQL;

internal static class HomePage
{
    /// <summary>A short page that tells a visitor where the API is and how to ask it something.</summary>
    public static void MapHomePage(this WebApplication app) =>
        app.MapGet("/", () => Results.Content(Html, "text/html; charset=utf-8"));

    private const string Html = """
        <!doctype html>
        <html lang="id">
        <head><meta charset="utf-8"><title>Kinerja — Dinas Sosial Kabupaten Gresik</title></head>
        <body style="font-family: sans-serif; max-width: 48rem; margin: 2rem auto">
        <h1>Kinerja</h1>
        <p>Sistem indikator kinerja Dinas Sosial Kabupaten Gresik. API GraphQL tersedia di
        <code>/graphql</code> (POST dengan badan JSON, atau GET dengan <code>?query=</code>).</p>
        <form method="get" action="/graphql">
        <textarea name="query" rows="8" cols="70">{ iku(year: 2026) { indicator { code name } value target achievement predicate status } }</textarea><br>
        <button type="submit">Kirim</button>
        </form>
        </body>
        </html>
        """;
}
