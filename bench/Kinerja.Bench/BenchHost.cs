using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kinerja.Bench;

/// <summary>
/// The real host (its Program, Autofac container, SQLite file and /graphql endpoint) in this process,
/// on the in-memory TestServer. Run as Production, like the separate process, not as Development.
/// </summary>
internal sealed class BenchHost(string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program before Build(), where the database is chosen.
        builder.UseSetting("Kinerja:DataDirectory", dataDirectory);
        // The bench sends everything as one account, far past the per-account rate limit meant for people.
        builder.UseSetting("Kinerja:RateLimit:PermitsPerMinute", "0");
        builder.UseEnvironment("Production");
        // The TestServer listens nowhere; keep the lifetime from announcing appsettings.json's Urls as if it did.
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
    }
}
