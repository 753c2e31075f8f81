using Kinerja.Modules.Cascade;
using Kinerja.Shared.Data;

namespace Kinerja.Tests.Architecture;

/// <summary>The host composes and the modules own; within the office level, folders depend one way only.</summary>
public sealed class LayeringTests
{
    private const string Cascade = "Kinerja.Modules.Cascade";

    /// <summary>
    /// A folder of the Cascade module (its namespace under Kinerja.Modules.Cascade) depends on another when one of its
    /// types uses one of the other's. No folder may depend on one that depends back on it, however far round: the
    /// module's composition root (CascadeModule, in the module's own namespace) is left out.
    /// </summary>
    [Fact]
    public void Given_the_cascade_module_Then_no_folder_depends_on_a_folder_that_depends_back_on_it()
    {
        var folders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (type, used) in TypeReferences.Of(typeof(CascadeModule).Assembly.Location))
        {
            if (FolderOf(type) is not { } folder)
            {
                continue;
            }
            var depends = folders.TryGetValue(folder, out var known) ? known : folders[folder] = new(StringComparer.Ordinal);
            depends.UnionWith(used.Select(FolderOf).OfType<string>().Where(f => f != folder));
        }

        Assert.True(folders.Count >= 10, $"only {folders.Count} folders read: {string.Join(", ", folders.Keys)}");
        var cycle = FindCycle(folders);
        Assert.True(cycle is null, $"folders of {Cascade} depend on each other: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void Given_the_host_Then_it_uses_no_module_but_the_accounts_it_composes()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Kinerja.Modules.", StringComparison.Ordinal));

        Assert.Equal(["Kinerja.Modules.Accounts"], references);
    }

    [Fact]
    public void Given_the_unit_of_work_Then_it_knows_no_HTTP_request_and_hears_of_commits_through_an_observer()
    {
        var uses = TypeReferences.Of(typeof(UnitOfWork).Assembly.Location)[typeof(UnitOfWork).FullName!];

        Assert.DoesNotContain(uses, t => t.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(typeof(ICommitObserver).FullName!, uses);
    }

    private static string? FolderOf(string type)
    {
        if (!type.StartsWith(Cascade + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = type[(Cascade.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? null : rest[..dot];
    }

    private static IReadOnlyList<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Walk(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        IReadOnlyList<string>? Walk(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }
            if (!done.Add(node))
            {
                return null;
            }
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Walk(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
    }
}
