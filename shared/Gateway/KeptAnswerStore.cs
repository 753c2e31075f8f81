using System.Collections.Concurrent;
using GraphQL.Types;
using GraphQLParser.AST;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Security;

namespace Kinerja.Gateway;

/// <summary>
/// Serialised answers of read-only requests, kept for one data version. A request is answered from here only
/// when its document was seen before to ask nothing but root fields marked <see cref="KeptAnswers"/>, and the key
/// holds everything else that decides the answer: the caller (account, roles, unit: what it may see and what
/// <c>me</c> says), the document, the operation name and the variables. Settings that change answers (public
/// read, modules, limits) are fixed for the life of the process. Only answers without errors are kept, and only
/// when the data version did not move while they were made; a newer version drops every older answer. Requests
/// that miss the same key at once share one execution.
/// </summary>
internal sealed class KeptAnswerStore
{
    // Bounds: a version holds at most this many answers and bytes (older answers go first); larger answers are not kept.
    private const int MaxAnswers = 4_096;
    private const long MostBytes = 32L * 1024 * 1024;
    private const int MaxAnswerBytes = 1024 * 1024;
    private const int MaxShapes = 1_024;

    private readonly ConcurrentDictionary<(string? Operation, string Query), bool> _shapes = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _answers = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, Entry Entry)> _order = new();
    private readonly long _maxBytes = MaxBytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    private long _version = long.MinValue;
    private long _bytes;

    /// <summary>
    /// The bytes a version may hold: 32 MB, or an eighth of what the heap may grow to when that is less
    /// (Kinerja:Memory:HeapLimitMegabytes), so that kept answers never crowd out the requests that make them.
    /// </summary>
    internal static long MaxBytes(long heapBound) => heapBound > 0 ? Math.Min(MostBytes, heapBound / 8) : MostBytes;

    private sealed class Entry
    {
        public TaskCompletionSource<byte[]?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Bytes { get; set; }
    }

    /// <summary>Whether the document was seen to be made of kept root fields only; null before it was seen once.</summary>
    public bool? IsKeptShape(string query, string? operationName) =>
        _shapes.TryGetValue((operationName, query), out var kept) ? kept : null;

    /// <summary>Learns a document's shape from its execution.</summary>
    public void LearnShape(string query, string? operationName, ISchema schema, GraphQLDocument? document, GraphQLOperationDefinition? operation)
    {
        if (document is null || operation is null)
        {
            return;
        }
        if (_shapes.Count >= MaxShapes)
        {
            _shapes.Clear();
        }
        _shapes[(operationName, query)] = IsKept(schema, document, operation);
    }

    /// <summary>The key of a request: the caller and the request, nothing left out.</summary>
    public static string Key(Caller caller, string query, string? operationName, string variables) =>
        string.Join('\u001e', caller.UserName ?? "", string.Join(',', caller.Roles.Order(StringComparer.Ordinal)), caller.Unit ?? "",
            operationName ?? "", variables, query);

    /// <summary>
    /// The kept answer of <paramref name="key"/> at <paramref name="version"/>, or a claim to make it: the owner
    /// runs the request and calls <see cref="Complete"/>; a request that finds another's claim waits for it (null: it
    /// was not kept, run the request yourself).
    /// </summary>
    public (Task<byte[]?>? Waiting, object? Claim) Find(long version, string key)
    {
        lock (_gate)
        {
            if (version < _version)
            {
                return (null, null); // a change committed since this request read the version: answer it without keeping
            }
            if (version > _version)
            {
                _answers.Clear();
                _order.Clear();
                _bytes = 0;
                _version = version;
            }
            if (_answers.TryGetValue(key, out var kept))
            {
                return (kept.Answer.Task, null);
            }
            // The queue also holds answers that were not kept: it is trimmed too, so that it stays bounded.
            while ((_answers.Count >= MaxAnswers || _order.Count >= 2 * MaxAnswers) && _order.TryDequeue(out var oldest))
            {
                Drop(oldest.Key, oldest.Entry);
            }
            var entry = new Entry();
            _answers[key] = entry;
            _order.Enqueue((key, entry));
            return (null, (key, version, entry));
        }
    }

    /// <summary>Ends a claim: keeps the answer when given (null: not kept, waiters run their own).</summary>
    public void Complete(object claim, byte[]? answer)
    {
        var (key, version, entry) = ((string, long, Entry))claim;
        lock (_gate)
        {
            var current = version == _version && _answers.TryGetValue(key, out var found) && found == entry;
            if (answer is null || answer.Length > MaxAnswerBytes || !current)
            {
                if (current)
                {
                    _answers.Remove(key);
                }
                answer = null;
            }
            else
            {
                entry.Bytes = answer.Length;
                _bytes += answer.Length;
                while (_bytes > _maxBytes && _order.TryDequeue(out var oldest))
                {
                    Drop(oldest.Key, oldest.Entry);
                }
            }
        }
        entry.Answer.TrySetResult(answer);
    }

    private void Drop(string key, Entry entry)
    {
        if (_answers.TryGetValue(key, out var found) && found == entry)
        {
            _answers.Remove(key);
            _bytes -= entry.Bytes;
        }
    }

    private static bool IsKept(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Operation != OperationType.Query || schema.Query is not { } query)
        {
            return false;
        }
        var worthKeeping = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool Walk(GraphQLSelectionSet set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        if (name == "__typename")
                        {
                            continue;
                        }
                        if (query.GetField(name)?.GetMetadata<string?>(KeptAnswers.Metadata) is not { } kept)
                        {
                            return false;
                        }
                        worthKeeping |= kept == KeptAnswers.Evaluation;
                        break;
                    case GraphQLInlineFragment inline when !Walk(inline.SelectionSet):
                        return false;
                    case GraphQLFragmentSpread spread:
                        var fragmentName = spread.FragmentName.Name.StringValue;
                        var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(f => f.FragmentName.Name.StringValue == fragmentName);
                        if (fragment is null || (seen.Add(fragmentName) && !Walk(fragment.SelectionSet)))
                        {
                            return false;
                        }
                        break;
                }
            }
            return true;
        }
        return Walk(operation.SelectionSet) && worthKeeping;
    }
}
