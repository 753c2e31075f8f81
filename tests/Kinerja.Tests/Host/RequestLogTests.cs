using System.Collections.Concurrent;
using Autofac;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Kinerja.Tests.Host;

/// <summary>What the logs say of a request: its account and operation on every line it logs, and a slow one named.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Given_a_slow_request_limit_Then_the_request_is_logged_with_its_operation_account_and_trace_id_and_never_a_password()
    {
        var capture = new CapturingLogs();
        await using var host = new KinerjaHost(container: b => b.RegisterInstance(capture).As<ILoggerProvider>(),
            settings: new Dictionary<string, string?> { ["Kinerja:SlowRequestMs"] = "0" });
        var token = await host.SignInAsync("op-log", Roles.Operator, "PEMULIHAN");
        (await host.QueryAsAsync(token, "query DaftarIndikator { indicators { code } }")).Ok();

        var slow = await Eventually.MatchesAsync(() => Task.FromResult(capture.Lines.ToList()),
            lines => lines.Any(l => l.Message.Contains("operasi DaftarIndikator", StringComparison.Ordinal)), "the slow-request line", TimeSpan.FromSeconds(5));
        var line = slow.First(l => l.Message.Contains("operasi DaftarIndikator", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.StartsWith("Permintaan lambat: POST /graphql operasi DaftarIndikator selesai dalam ", line.Message);
        Assert.Equal("op-log", line.Scope["Account"]);
        Assert.True(line.Scope.ContainsKey("TraceId"), string.Join(", ", line.Scope.Keys));
        Assert.DoesNotContain(capture.Lines, l => l.Message.Contains("kata-sandi", StringComparison.Ordinal)
            || l.Scope.Values.Any(v => v?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }

    private sealed record Line(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope);

    /// <summary>Every line the host logs, with the values of the scopes it was logged in.</summary>
    private sealed class CapturingLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<Line> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                logs._scopes.ForEachScope((value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            into[key] = item;
                        }
                    }
                }, scope);
                logs.Lines.Enqueue(new Line(logLevel, formatter(state, exception), scope));
            }
        }
    }
}
