using GraphQL;
using Kinerja.Gateway;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Gateway;

public sealed class SchemaSnapshotTests
{
    /// <summary>
    /// The served schema must be the checked-in schema.graphql. After an intended change, run the tests
    /// with KINERJA_UPDATE_SCHEMA=1 to rewrite the file, and review its diff.
    /// </summary>
    [Fact]
    public async Task Given_all_modules_Then_served_schema_matches_schema_graphql()
    {
        await using var host = new KinerjaHost();
        var served = Normalize(host.Services.GetRequiredService<GraphQLGateway>().Schema.Print());
        var path = Path.Combine(Repository.Root, "schema.graphql");

        if (Environment.GetEnvironmentVariable("KINERJA_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), "schema.graphql belum ada; jalankan tes dengan KINERJA_UPDATE_SCHEMA=1.");
        Assert.Equal(Normalize(await File.ReadAllTextAsync(path)), served);
    }

    private static string Normalize(string schema) => schema.Replace("\r\n", "\n").TrimEnd() + "\n";
}
