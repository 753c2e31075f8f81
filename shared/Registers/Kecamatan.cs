using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Kinerja.Shared.Registers;

/// <summary>The 18 kecamatan of Kabupaten Gresik (kode wilayah 35.25), where a register records domicile.</summary>
public static class Kecamatan
{
    /// <summary>The canonical names, as a register stores them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "Balongpanggang", "Benjeng", "Bungah", "Cerme", "Driyorejo", "Duduksampeyan", "Dukun", "Gresik",
        "Kebomas", "Kedamean", "Manyar", "Menganti", "Panceng", "Sangkapura", "Sidayu", "Tambak",
        "Ujungpangkah", "Wringinanom",
    ];

    private static readonly FrozenDictionary<string, string> ByKey =
        All.ToFrozenDictionary(name => RegisterText.Key(name), name => name);

    /// <summary>
    /// The canonical name of a kecamatan typed in any case and with any spacing ("ujung pangkah",
    /// " CERME ", "Duduk Sampeyan"). A name outside Kabupaten Gresik is refused.
    /// </summary>
    public static bool TryNormalize(string? input, [MaybeNullWhen(false)] out string canonical)
    {
        if (input is not null && ByKey.TryGetValue(RegisterText.Key(input), out var found))
        {
            canonical = found;
            return true;
        }

        canonical = null;
        return false;
    }

    /// <summary>Why a kecamatan was refused, in the words a register import reports.</summary>
    public static string RefusalReason(string? input) => string.IsNullOrWhiteSpace(input)
        ? "kecamatan wajib diisi"
        : $"kecamatan '{input.Trim()}' bukan kecamatan di Kabupaten Gresik";
}
