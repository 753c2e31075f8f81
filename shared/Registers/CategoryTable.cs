using System.Collections.Frozen;

namespace Kinerja.Shared.Registers;

/// <summary>Finds a category by its name or any alias, compared as <see cref="RegisterText.Key"/>.</summary>
internal static class CategoryTable
{
    /// <summary>
    /// Every spelling a category answers to: its name, its aliases, and "Name (ABBR)" for each
    /// abbreviation, since registers often write the two together.
    /// </summary>
    public static IReadOnlyList<string> Spellings(string name, IReadOnlyList<string> abbreviations, IReadOnlyList<string> otherNames) =>
        [.. abbreviations, .. otherNames, .. abbreviations.Select(a => $"{name} ({a})")];

    /// <summary>The lookup of every spelling; two categories answering to one spelling is a catalogue bug.</summary>
    public static FrozenDictionary<string, T> Index<T>(IEnumerable<T> categories, Func<T, string> name, Func<T, IReadOnlyList<string>> aliases)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            foreach (var spelling in aliases(category).Prepend(name(category)))
            {
                if (!index.TryAdd(RegisterText.Key(spelling), category))
                {
                    throw new InvalidOperationException($"'{spelling}' names two categories");
                }
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
