using System.Diagnostics;
using System.Text.Json;

namespace Kinerja.Tests.Support;

/// <summary>
/// Waits for what a test cannot be told of (a scheduler's firing, writers lining up) by asking again until it
/// holds: returns as soon as it does, and fails past the deadline saying what was awaited, for how long, and what
/// was seen last. Never a fixed wait: a test waits for a thing to happen, not for a time to pass.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <summary>Until <paramref name="condition"/> holds.</summary>
    /// <param name="what">What is awaited, for the failure: "two writers queue for the writer's turn".</param>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        MatchesAsync(() => Task.FromResult(condition()), holds => holds, what, timeout);

    /// <inheritdoc cref="TrueAsync(Func{bool}, string, TimeSpan?)"/>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        MatchesAsync(condition, holds => holds, what, timeout);

    /// <summary>
    /// Reads with <paramref name="read"/> until <paramref name="accept"/> takes what it read, and returns that. An
    /// exception of <paramref name="read"/> or <paramref name="accept"/> fails at once: only a wrong answer is asked again.
    /// </summary>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan? timeout = null)
    {
        var deadline = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        for (var asked = 1; ; asked++)
        {
            var seen = await read();
            if (accept(seen))
            {
                return seen;
            }
            if (clock.Elapsed >= deadline)
            {
                Assert.Fail($"Not so within {deadline.TotalSeconds:0.#} s (asked {asked} times): {what}. Last seen: {Describe(seen)}");
            }
            await Task.Delay(pause);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private static string Describe<T>(T seen)
    {
        var text = seen is JsonElement json ? json.GetRawText() : seen?.ToString() ?? "null";
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }
}
