using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace Kinerja.Shared.Diagnostics;

/// <summary>
/// Kinerja's own measurements, on the meter <see cref="MeterName"/>: modules and the gateway record here without knowing
/// each other, and the host exports them at <c>/metrics</c> when Kinerja:Metrics:Enabled is true (otherwise nothing
/// listens and a measurement costs nothing). The meter comes from the host's <see cref="IMeterFactory"/>, so that hosts
/// sharing a process (the tests' do) count apart.
/// </summary>
public sealed partial class KinerjaMetrics
{
    public const string MeterName = "Kinerja";

    /// <summary>The operation tag of a GraphQL request sent without a name, as the logs say it.</summary>
    public const string Unnamed = "(tanpa nama)";

    /// <summary>The tag of an operation name past the bound: a client sending a new name each time would otherwise grow every scrape.</summary>
    public const string OtherOperation = "(lain)";

    private const int MaxOperationNames = 200;
    private const int MaxOperationNameLength = 64;

    private readonly Counter<long> _operations;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _rollups;
    private readonly Histogram<double> _rollupSeconds;
    private readonly Counter<long> _imports;
    private readonly Counter<long> _importRows;
    private readonly Counter<long> _keptHits;
    private Func<int> _writersQueued = () => 0;
    private readonly ConcurrentDictionary<string, byte> _operationNames = new(StringComparer.Ordinal);
    private long _dataVersion = -1;

    public KinerjaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _operations = meter.CreateCounter<long>("kinerja.graphql.operations", "{operation}",
            "GraphQL operations answered, by operation name and outcome (ok, error, invalid, timeout, cancelled)");
        _refused = meter.CreateCounter<long>("kinerja.entries.refused", "{change}",
            "Changes refused at a mutation's root field, by mutation and error code (INVALID_INPUT: bad input, a closed triwulan, an entry changed since read; FORBIDDEN; UNAUTHENTICATED)");
        _rollups = meter.CreateCounter<long>("kinerja.rollups", "{rollup}", "Rollups run, by trigger (manual, schedule) and outcome (done, skipped, failed)");
        _rollupSeconds = meter.CreateHistogram<double>("kinerja.rollup.duration", "s", "How long a rollup took, with its writer's turn, by trigger");
        _imports = meter.CreateCounter<long>("kinerja.imports", "{import}", "Register files imported, by register");
        _importRows = meter.CreateCounter<long>("kinerja.imports.rows", "{row}", "Rows of imported register files, by register and outcome (accepted, refused)");
        _keptHits = meter.CreateCounter<long>("kinerja.kept_answers.hits", "{request}", "GraphQL reads answered from the answers kept for the data version");
        meter.CreateObservableGauge("kinerja.writers.queued", () => _writersQueued(), "{writer}", "Changes waiting in this process for the writer's turn");
        meter.CreateObservableGauge("kinerja.memory.heap_limit", () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, "By",
            "The bytes the managed heap may grow to: Kinerja:Memory:HeapLimitMegabytes, or what the runtime allows without it");
        meter.CreateObservableGauge<long>("kinerja.data.version", ObserveDataVersion, "{version}", "The data version as this process last read it (raised by every committed change, on any host)");
    }

    /// <summary>A GraphQL operation answered; <paramref name="operation"/> is the name it was sent or written with, or null.</summary>
    public void GraphQLOperation(string? operation, string outcome) =>
        _operations.Add(1, new("operation", OperationTag(operation)), new("outcome", outcome));

    /// <summary>A change refused at the root field <paramref name="field"/> of a mutation (a name of the schema, so bounded).</summary>
    public void EntryRefused(string field, string code) => _refused.Add(1, new("field", field), new("code", code));

    public void RollupRan(string trigger, string outcome, TimeSpan elapsed)
    {
        _rollups.Add(1, new("trigger", trigger), new("outcome", outcome));
        _rollupSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("trigger", trigger));
    }

    public void Imported(string register, int accepted, int refused)
    {
        _imports.Add(1, new KeyValuePair<string, object?>("register", register));
        _importRows.Add(accepted, new("register", register), new("outcome", "accepted"));
        _importRows.Add(refused, new("register", register), new("outcome", "refused"));
    }

    public void KeptAnswerHit() => _keptHits.Add(1);

    /// <summary>Where the writers waiting for the turn are counted (the unit of work's own count), read at each scrape.</summary>
    public void ObserveWritersQueued(Func<int> queued) => _writersQueued = queued;

    /// <summary>A data version read from the database; the gauge shows the highest seen.</summary>
    public void SawDataVersion(long version)
    {
        long seen;
        while (version > (seen = Volatile.Read(ref _dataVersion)) && Interlocked.CompareExchange(ref _dataVersion, version, seen) != seen)
        {
        }
    }

    // Nothing before the first read: a 0 would claim an empty database.
    private IEnumerable<Measurement<long>> ObserveDataVersion()
    {
        if (Volatile.Read(ref _dataVersion) is var version and >= 0)
        {
            yield return new Measurement<long>(version);
        }
    }

    // The first names seen are kept as they are; later new ones, and anything not a GraphQL name, become one tag.
    private string OperationTag(string? operation)
    {
        if (operation is null)
        {
            return Unnamed;
        }
        if (operation.Length > MaxOperationNameLength || !GraphQLName().IsMatch(operation))
        {
            return OtherOperation;
        }
        if (_operationNames.ContainsKey(operation) || (_operationNames.Count < MaxOperationNames && _operationNames.TryAdd(operation, 0)))
        {
            return operation;
        }
        return OtherOperation;
    }

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex GraphQLName();
}
