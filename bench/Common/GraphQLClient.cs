using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kinerja.Bench.Common;

/// <summary>POST /graphql over any HttpClient: the TestServer's or a real socket's.</summary>
public static class GraphQLClient
{
    public const string Path = "/graphql";

    /// <summary>The JSON body of a request, serialised once so that timing does not include it.</summary>
    public static byte[] Body(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    /// <summary>Sends a prepared body and returns the answer's text.</summary>
    public static async Task<string> PostAsync(HttpClient client, byte[] body, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(Path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchCheckException($"POST {Path} answered {(int)response.StatusCode}: {Shorten(text)}");
        }
        return text;
    }

    /// <summary>Signs the bench's administrator in and sends its token with every later request of the client.</summary>
    public static async Task SignInAsync(HttpClient client)
    {
        var login = await DataAsync(client, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = HostProcess.AdminName, p = HostProcess.AdminPassword });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("login").GetProperty("token").GetString());
    }

    /// <summary>Sends a query and returns its data, after checking that the answer carries no errors.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient client, string query, object? variables = null)
    {
        var text = await PostAsync(client, Body(query, variables));
        return Data(text);
    }

    /// <summary>The data of an answer; refuses an answer with an "errors" key or without data.</summary>
    public static JsonElement Data(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out _))
        {
            throw new BenchCheckException($"GraphQL answered errors: {Shorten(answer)}");
        }
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new BenchCheckException($"GraphQL answered no data: {Shorten(answer)}");
        }
        return data.Clone();
    }

    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + " …";
}

/// <summary>An answer that is not what a working build gives: the run stops rather than time nonsense.</summary>
public sealed class BenchCheckException(string message) : Exception(message);
