using Kinerja.Tests.Support;

namespace Kinerja.Tests.Browser;

/// <summary>
/// The web app's answer types are generated from schema.graphql when it is built: a schema that no longer answers what
/// the app asks, or answers it in another shape, fails `npm run build`, and so the host's build. Each test builds a
/// copy of the app against a changed copy of the schema (the app's node_modules shared, nothing of the checkout written).
/// </summary>
public sealed class TypedClientTests
{
    [Fact]
    public async Task Given_a_field_the_app_asks_for_renamed_in_the_schema_Then_npm_run_build_fails_naming_the_field()
    {
        var (exitCode, output) = await BuildAgainstAsync(schema => Changed(schema, "type IndicatorValue {", "targetWarning:", "targetCaution:"));

        Assert.True(exitCode != 0, $"npm run build lolos:\n{output}");
        Assert.Contains("Cannot query field \"targetWarning\" on type \"IndicatorValue\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_list_the_app_reads_made_nullable_in_the_schema_Then_npm_run_build_fails_where_the_app_reads_it()
    {
        var (exitCode, output) = await BuildAgainstAsync(schema => Changed(schema, "type Account {", "roles: [String!]!", "roles: [String!]"));

        Assert.True(exitCode != 0, $"npm run build lolos:\n{output}");
        Assert.Contains("error TS18047: 'account.roles' is possibly 'null'", output, StringComparison.Ordinal);
    }

    /// <summary>The first <paramref name="field"/> after <paramref name="type"/> replaced, so that no test passes on an unchanged schema.</summary>
    private static string Changed(string schema, string type, string field, string replacement)
    {
        var at = schema.IndexOf(field, schema.IndexOf(type, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(at > 0, $"{field} tidak ada di {type}");
        return string.Concat(schema.AsSpan(0, at), replacement, schema.AsSpan(at + field.Length));
    }

    private static async Task<(int ExitCode, string Output)> BuildAgainstAsync(Func<string, string> change)
    {
        var app = Path.Combine(Repository.Root, "host", "ClientApp");
        var root = Directory.CreateTempSubdirectory("kinerja-typed-client-").FullName;
        try
        {
            // The same layout as the checkout, so that codegen.ts finds its schema at ../../schema.graphql.
            File.WriteAllText(Path.Combine(root, "schema.graphql"), change(File.ReadAllText(Path.Combine(Repository.Root, "schema.graphql"))));
            var copy = Directory.CreateDirectory(Path.Combine(root, "host", "ClientApp")).FullName;
            foreach (var file in new[] { "package.json", "codegen.ts", "tsconfig.json", "vite.config.ts", "index.html", "graphiql.html" })
            {
                File.Copy(Path.Combine(app, file), Path.Combine(copy, file));
            }
            CopySources(Path.Combine(app, "src"), Path.Combine(copy, "src"));
            Directory.CreateSymbolicLink(Path.Combine(copy, "node_modules"), Path.Combine(app, "node_modules"));
            return await Npm.RunAsync(copy, "run", "build", "--silent");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Without src/gql: the copy generates its own from the changed schema.
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) != "gql"))
        {
            CopySources(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
