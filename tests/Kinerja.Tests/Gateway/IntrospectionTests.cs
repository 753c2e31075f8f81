using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

public sealed class IntrospectionTests
{
    /// <summary>
    /// The query GraphiQL and code generators send: graphql-js 16.15's getIntrospectionQuery with every option on
    /// (descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription, inputValueDeprecation, oneOf).
    /// </summary>
    private static readonly string FullIntrospection = File.ReadAllText(
        Path.Combine(Repository.Root, "tests", "Kinerja.Tests", "Gateway", "Queries", "graphql-js-16-introspection.graphql"));

    [Fact]
    public async Task Given_the_full_graphql_js_introspection_Then_it_answers_the_whole_schema_without_errors()
    {
        await using var host = new KinerjaHost();

        var answer = await host.QueryAsync(FullIntrospection);

        var schema = answer.Ok().GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var realization = types["RealizationInput"];
        Assert.Contains(realization.GetProperty("inputFields").EnumerateArray(), f => f.GetProperty("name").GetString() == "indicator");
        Assert.False(realization.GetProperty("isOneOf").GetBoolean());
        Assert.Contains(schema.GetProperty("directives").EnumerateArray(),
            d => d.GetProperty("name").GetString() == "deprecated" && !d.GetProperty("isRepeatable").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, types["DateTimeOffset"].GetProperty("specifiedByURL").ValueKind);
    }

    [Fact]
    public async Task Given_the_full_introspection_with_an_account_Then_it_is_answered_so_tools_can_read_the_schema()
    {
        await using var host = new KinerjaHost();

        var answer = await host.QueryAsAsync(await host.SignInAsync("alat-pengembang", Kinerja.Shared.Security.Roles.Pimpinan, "DINSOS"), FullIntrospection);

        Assert.True(answer.Ok().GetProperty("__schema").GetProperty("types").GetArrayLength() > 20);
    }
}
