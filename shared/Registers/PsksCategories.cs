using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Kinerja.Shared.Registers;

/// <summary>
/// One of the 12 Potensi dan Sumber Kesejahteraan Sosial (PSKS) of Permensos 08/2012, numbered in the order
/// the regulation lists them.
/// </summary>
public sealed class PsksCategory
{
    internal PsksCategory(int number, string name, bool isInstitution, IReadOnlyList<string> abbreviations)
    {
        Number = number;
        Name = name;
        IsInstitution = isInstitution;
        Abbreviations = abbreviations;
        Aliases = CategoryTable.Spellings(name, abbreviations, []);
    }

    /// <summary>1 to 12.</summary>
    public int Number { get; }

    /// <summary>The name as Permensos 08/2012 writes it; what a register stores.</summary>
    public string Name { get; }

    /// <summary>
    /// True for a lembaga (registered by name and address), false for a person registered by NIK: a worker,
    /// volunteer or, for Keluarga Pioner, the head of the family.
    /// </summary>
    public bool IsInstitution { get; }

    /// <summary>The short forms in use (PSM, Tagana, LKS, ...); may be empty.</summary>
    public IReadOnlyList<string> Abbreviations { get; }

    /// <summary>Every other spelling <see cref="PsksCategories.TryFind"/> accepts.</summary>
    public IReadOnlyList<string> Aliases { get; }

    public override string ToString() => Name;
}

/// <summary>The PSKS catalogue of Permensos 08/2012.</summary>
public static class PsksCategories
{
    public static IReadOnlyList<PsksCategory> All { get; } =
    [
        new(1, "Pekerja Sosial Profesional", false, ["Peksos"]),
        new(2, "Pekerja Sosial Masyarakat", false, ["PSM"]),
        new(3, "Taruna Siaga Bencana", false, ["Tagana"]),
        new(4, "Lembaga Kesejahteraan Sosial", true, ["LKS"]),
        new(5, "Karang Taruna", true, ["Kartar"]),
        new(6, "Lembaga Konsultasi Kesejahteraan Keluarga", true, ["LK3"]),
        // A family, not a lembaga: registered, like a person, by the NIK of its head.
        new(7, "Keluarga Pioner", false, []),
        new(8, "Wahana Kesejahteraan Sosial Keluarga Berbasis Masyarakat", true, ["WKSBM"]),
        new(9, "Wanita Pemimpin Kesejahteraan Sosial", false, ["WPKS"]),
        new(10, "Penyuluh Sosial", false, []),
        new(11, "Tenaga Kesejahteraan Sosial Kecamatan", false, ["TKSK"]),
        new(12, "Dunia Usaha", true, []),
    ];

    private static readonly FrozenDictionary<string, PsksCategory> Index =
        CategoryTable.Index(All, c => c.Name, c => c.Aliases);

    /// <summary>Category by number, 1 to 12.</summary>
    public static PsksCategory Get(int number) => number is >= 1 and <= 12
        ? All[number - 1]
        : throw new ArgumentOutOfRangeException(nameof(number), number, "PSKS is numbered 1 to 12");

    /// <summary>Lembaga Kesejahteraan Sosial, counted by <c>lks.total</c>.</summary>
    public static PsksCategory Lks => Get(4);

    /// <summary>Finds a category by name or alias, in any case and with any spacing.</summary>
    public static bool TryFind(string? nameOrAlias, [MaybeNullWhen(false)] out PsksCategory category)
    {
        if (nameOrAlias is not null && Index.TryGetValue(RegisterText.Key(nameOrAlias), out var found))
        {
            category = found;
            return true;
        }

        category = null;
        return false;
    }

    /// <summary>Why a category was refused, in the words a register import reports.</summary>
    public static string RefusalReason(string? input) => string.IsNullOrWhiteSpace(input)
        ? "jenis PSKS wajib diisi"
        : $"jenis PSKS '{input.Trim()}' tidak dikenal (lihat 12 PSKS Permensos 08/2012)";
}
