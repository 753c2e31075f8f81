using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kinerja.Tests.Support;

/// <summary>
/// Counts the SQL commands sent to one data directory's database (tests run in parallel, each with its own
/// directory), from EF Core's DiagnosticListener and the host's for the data version it reads without EF: what a
/// request costs in statements, without touching the host.
/// </summary>
public sealed class CommandCounter : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly string _dataDirectory;
    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _listeners = [];
    private readonly ConcurrentQueue<string> _commands = new();

    public CommandCounter(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => _commands.Count;

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    /// <summary>The commands sent while <paramref name="work"/> ran.</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> work)
    {
        Reset();
        await work();
        return Commands;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            _listeners.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
        }
        else if (listener == Kinerja.Shared.Data.UnitOfWork.Diagnostics)
        {
            // The data version is read without EF: the host reports that statement itself.
            _listeners.Add(listener.Subscribe(this, name => name == Kinerja.Shared.Data.UnitOfWork.VersionReadEvent));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (((value.Value as CommandEventData)?.Command ?? value.Value as DbCommand) is { } command
            && command.Connection?.DataSource is { } source && source.StartsWith(_dataDirectory, StringComparison.Ordinal))
        {
            _commands.Enqueue(command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }
    }
}
