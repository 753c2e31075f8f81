using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Kinerja.Shared.Registers;

/// <summary>
/// One of the 26 Pemerlu Pelayanan Kesejahteraan Sosial (PMKS) of Permensos 08/2012, numbered in the order
/// the regulation lists them (a = 1 ... z = 26).
/// </summary>
public sealed class PmksCategory
{
    internal PmksCategory(int number, string name, IReadOnlyList<string> abbreviations, params IReadOnlyList<string> otherNames)
    {
        Number = number;
        Name = name;
        Abbreviations = abbreviations;
        Aliases = CategoryTable.Spellings(name, abbreviations, otherNames);
    }

    /// <summary>1 to 26.</summary>
    public int Number { get; }

    /// <summary>The name as Permensos 08/2012 writes it; what a register stores.</summary>
    public string Name { get; }

    /// <summary>The short forms in use (ADK, ODHA, WRSE, ...); may be empty.</summary>
    public IReadOnlyList<string> Abbreviations { get; }

    /// <summary>Every other spelling <see cref="PmksCategories.TryFind"/> accepts.</summary>
    public IReadOnlyList<string> Aliases { get; }

    public override string ToString() => Name;
}

/// <summary>A named set of PMKS categories that a base-data stock of <c>base_measures.tsv</c> counts.</summary>
public sealed class PmksGroup : IReadOnlyList<PmksCategory>
{
    internal PmksGroup(string code, string name, params IReadOnlyList<PmksCategory> categories)
    {
        Code = code;
        Name = name;
        Categories = categories;
    }

    /// <summary>The measure prefix in <c>base_measures.tsv</c>, e.g. <c>eks_penyakit_sosial</c>.</summary>
    public string Code { get; }

    public string Name { get; }

    public IReadOnlyList<PmksCategory> Categories { get; }

    public bool Contains(PmksCategory category) => Categories.Contains(category);

    public int Count => Categories.Count;

    public PmksCategory this[int index] => Categories[index];

    public IEnumerator<PmksCategory> GetEnumerator() => Categories.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Name;
}

/// <summary>The PMKS catalogue of Permensos 08/2012 and the groups the base-data stocks count.</summary>
public static class PmksCategories
{
    public static IReadOnlyList<PmksCategory> All { get; } =
    [
        new(1, "Anak Balita Terlantar", ["ABT"]),
        new(2, "Anak Terlantar", ["AT"]),
        new(3, "Anak yang Berhadapan dengan Hukum", ["ABH"], "Anak Berhadapan dengan Hukum"),
        new(4, "Anak Jalanan", ["AJ"], "Anjal"),
        new(5, "Anak dengan Kedisabilitasan", ["ADK"], "Anak dengan Disabilitas"),
        new(6, "Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah", ["AKTK"], "Anak Korban Tindak Kekerasan"),
        new(7, "Anak yang Memerlukan Perlindungan Khusus", ["AMPK"]),
        new(8, "Lanjut Usia Terlantar", ["LUT"], "Lansia Terlantar"),
        // "Penyandang Cacat" is the pre-2011 term still found in older registers.
        new(9, "Penyandang Disabilitas", ["PD"], "Penyandang Cacat"),
        new(10, "Tuna Susila", ["TS"]),
        new(11, "Gelandangan", []),
        new(12, "Pengemis", []),
        new(13, "Pemulung", []),
        new(14, "Kelompok Minoritas", ["KM"]),
        new(15, "Bekas Warga Binaan Lembaga Pemasyarakatan", ["BWBLP"]),
        new(16, "Orang dengan HIV/AIDS", ["ODHA"], "Orang dengan HIV AIDS"),
        new(17, "Korban Penyalahgunaan NAPZA", ["KPN"], "Korban NAPZA"),
        new(18, "Korban Trafficking", ["KT"], "Korban Perdagangan Orang"),
        new(19, "Korban Tindak Kekerasan", ["KTK"]),
        new(20, "Pekerja Migran Bermasalah Sosial", ["PMBS"]),
        new(21, "Korban Bencana Alam", ["KBA"]),
        new(22, "Korban Bencana Sosial", ["KBS"]),
        // WRSE (Wanita Rawan Sosial Ekonomi) is the older name the Dinas's own indicators still use.
        new(23, "Perempuan Rawan Sosial Ekonomi", ["WRSE", "PRSE"], "Wanita Rawan Sosial Ekonomi"),
        new(24, "Fakir Miskin", ["FM"]),
        new(25, "Keluarga Bermasalah Sosial Psikologis", ["KBSP"]),
        new(26, "Komunitas Adat Terpencil", ["KAT"]),
    ];

    private static readonly FrozenDictionary<string, PmksCategory> Index =
        CategoryTable.Index(All, c => c.Name, c => c.Aliases);

    /// <summary>Category by number, 1 to 26.</summary>
    public static PmksCategory Get(int number) => number is >= 1 and <= 26
        ? All[number - 1]
        : throw new ArgumentOutOfRangeException(nameof(number), number, "PMKS is numbered 1 to 26");

    /// <summary>Finds a category by name or alias, in any case and with any spacing.</summary>
    public static bool TryFind(string? nameOrAlias, [MaybeNullWhen(false)] out PmksCategory category)
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
        ? "kategori PMKS wajib diisi"
        : $"kategori PMKS '{input.Trim()}' tidak dikenal (lihat 26 PMKS Permensos 08/2012)";

    /// <summary>Counted by <c>eks_penyakit_sosial.total</c>.</summary>
    public static PmksGroup EksPenyakitSosial { get; } = new(
        "eks_penyakit_sosial", "Eks Penyandang Penyakit Sosial",
        Get(10), Get(11), Get(12), Get(13), Get(15), Get(17));

    /// <summary>Counted by <c>disabilitas.total</c>.</summary>
    public static PmksGroup Disabilitas { get; } = new("disabilitas", "Penyandang Disabilitas", Get(9), Get(5));

    /// <summary>Counted by <c>fakir_miskin.total</c>.</summary>
    public static PmksGroup FakirMiskin { get; } = new("fakir_miskin", "Fakir Miskin", Get(24));

    /// <summary>Counted by <c>wrse.total</c>.</summary>
    public static PmksGroup Wrse { get; } = new("wrse", "Perempuan Rawan Sosial Ekonomi (WRSE)", Get(23));

    public static IReadOnlyList<PmksGroup> Groups { get; } = [EksPenyakitSosial, Disabilitas, FakirMiskin, Wrse];
}
