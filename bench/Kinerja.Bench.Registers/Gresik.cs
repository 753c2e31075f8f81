using Kinerja.Shared.Registers;

namespace Kinerja.Bench.Registers;

/// <summary>
/// What the generator knows of Kabupaten Gresik and of the people in its registers: the 18 kecamatan with
/// their Kemendagri codes (35.25.01 to 35.25.18) and rough populations, the ways offices spell them, the
/// share of each PMKS category, names and desa. Figures are rounded and meant to look right, not to be
/// statistics.
/// </summary>
internal static class Gresik
{
    /// <summary>A kecamatan: canonical name, its two-digit code in a NIK issued there, population in thousands.</summary>
    internal sealed record KecamatanInfo(string Name, string Code, int Thousands, params string[] OtherSpellings);

    /// <summary>In code order. Populations: about the 2020 census, rounded.</summary>
    public static readonly KecamatanInfo[] Kecamatan =
    [
        new("Wringinanom", "01", 75, "WRINGINANOM", "Wringin Anom"),
        new("Driyorejo", "02", 118, "DRIYOREJO", "driyorejo"),
        new("Kedamean", "03", 68, "KEDAMEAN"),
        new("Menganti", "04", 142, "MENGANTI", "menganti"),
        new("Cerme", "05", 86, "CERME", "cerme"),
        new("Benjeng", "06", 70, "BENJENG"),
        new("Balongpanggang", "07", 65, "Balong Panggang", "BALONGPANGGANG"),
        new("Duduksampeyan", "08", 53, "Duduk Sampeyan", "DUDUKSAMPEYAN"),
        new("Kebomas", "09", 108, "KEBOMAS", "kebomas"),
        new("Gresik", "10", 79, "GRESIK", "gresik"),
        new("Manyar", "11", 125, "MANYAR", "manyar"),
        new("Bungah", "12", 72, "BUNGAH"),
        new("Sidayu", "13", 46, "SIDAYU"),
        new("Dukun", "14", 70, "DUKUN"),
        new("Panceng", "15", 54, "PANCENG"),
        new("Ujungpangkah", "16", 54, "Ujung Pangkah", "UJUNG PANGKAH"),
        new("Sangkapura", "17", 80, "SANGKAPURA", "Sangka Pura"),
        new("Tambak", "18", 29, "TAMBAK"),
    ];

    /// <summary>Where a NIK issued outside Gresik comes from: province + kabupaten/kota code and how many kecamatan it has.</summary>
    public static readonly (string Prefix, int Kecamatan, int Weight)[] OtherRegencies =
    [
        ("3578", 31, 30), // Kota Surabaya
        ("3515", 18, 18), // Sidoarjo
        ("3524", 27, 16), // Lamongan
        ("3526", 18, 6),  // Bangkalan
        ("3517", 21, 5),  // Jombang
        ("3516", 18, 5),  // Mojokerto
        ("3522", 28, 4),  // Bojonegoro
        ("3523", 20, 4),  // Tuban
        ("3173", 8, 3),   // Jakarta Barat
        ("3374", 16, 2),  // Kota Semarang
        ("3273", 30, 2),  // Kota Bandung
        ("1271", 21, 1),  // Kota Medan
        ("7371", 15, 1),  // Kota Makassar
        ("5171", 4, 1),   // Kota Denpasar
        ("6471", 6, 1),   // Kota Balikpapan
        ("5371", 6, 1),   // Kota Kupang
    ];

    /// <summary>Share of each PMKS category (by number) among the persons of the register, in per mille.</summary>
    public static readonly (int Category, double PerMille)[] CategoryShares =
    [
        (24, 620), // Fakir Miskin: the DTKS dominates
        (23, 80),  // Perempuan Rawan Sosial Ekonomi
        (8, 70),   // Lanjut Usia Terlantar
        (9, 60),   // Penyandang Disabilitas
        (2, 30),   // Anak Terlantar
        (21, 30),  // Korban Bencana Alam (Kali Lamong floods)
        (25, 15),  // Keluarga Bermasalah Sosial Psikologis
        (5, 12),   // Anak dengan Kedisabilitasan
        (1, 8),    // Anak Balita Terlantar
        (13, 6),   // Pemulung
        (20, 6),   // Pekerja Migran Bermasalah Sosial (Bawean)
        (15, 5),   // Bekas Warga Binaan Lembaga Pemasyarakatan
        (19, 5),   // Korban Tindak Kekerasan
        (16, 4),   // ODHA
        (17, 4),   // Korban NAPZA
        (22, 4),   // Korban Bencana Sosial
        (4, 3),    // Anak Jalanan
        (6, 3),    // Anak Korban Tindak Kekerasan
        (7, 3),    // Anak yang Memerlukan Perlindungan Khusus
        (11, 3),   // Gelandangan
        (12, 3),   // Pengemis
        (3, 2),    // Anak yang Berhadapan dengan Hukum
        (10, 2),   // Tuna Susila
        (14, 2),   // Kelompok Minoritas
        (18, 1),   // Korban Trafficking
        (26, 0.5), // Komunitas Adat Terpencil
    ];

    public static readonly string[] MaleGiven =
    [
        "Ahmad", "Muhammad", "Moch.", "Abdul", "Agus", "Budi", "Slamet", "Suparno", "Sutrisno", "Bambang", "Hadi", "Imam",
        "Joko", "Nur", "Rudi", "Samsul", "Sugeng", "Teguh", "Wahyu", "Yusuf", "Ali", "Anang", "Arif", "Didik", "Eko",
        "Fajar", "Hari", "Heru", "Kasiman", "Mashuri", "Mulyono", "Rohman", "Sholeh", "Sukari", "Supriyadi", "Zainal",
        "Ma'ruf", "Syaiful", "Khoirul", "Mustofa", "Nasrul", "Rizky", "Dimas", "Bagus", "Yanto", "Kusnadi",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Siti", "Sri", "Nur", "Dewi", "Endang", "Kasiati", "Lilik", "Maimunah", "Ngatini", "Rukayah", "Sulastri",
        "Suminah", "Tutik", "Umi", "Wartini", "Yuliana", "Aisyah", "Fatimah", "Khusnul", "Lailatul", "Munawaroh",
        "Ningsih", "Rahayu", "Sumarni", "Suprapti", "Tri", "Winarti", "Zubaidah", "Anik", "Puji", "Musrifah", "Nanik",
        "Kholifah", "Indah", "Eka", "Rini",
    ];

    public static readonly string[] MaleFamily =
    [
        "Santoso", "Wibowo", "Maulana", "Hidayat", "Kurniawan", "Setiawan", "Fauzi", "Hariyanto", "Susanto", "Purnomo",
        "Prasetyo", "Afandi", "Syaifuddin", "Hasyim", "Arifin", "Ma'arif", "Effendi", "Mukhlis", "Zulkarnain",
    ];

    public static readonly string[] FemaleFamily =
    [
        "Aminah", "Rahmawati", "Hasanah", "Nurhayati", "Rohmah", "Lestari", "Wahyuni", "Sholihah", "Fitriani",
        "Mufidah", "Khoiriyah", "Handayani", "Susilowati", "Ulfa", "Nikmah", "Zulaikha",
    ];

    /// <summary>Titles that a name in a register sometimes carries, after a comma (so the CSV cell is quoted).</summary>
    public static readonly string[] Titles = ["S.Pd", "S.E", "S.Ag", "A.Md", "S.Sos"];

    private static readonly string[] DesaFirst =
    [
        "Sumber", "Kedung", "Tanjung", "Banjar", "Sido", "Karang", "Wono", "Ngampel", "Dungus", "Pan", "Kramat",
        "Bulu", "Sukomulyo", "Randu", "Lumpur", "Sekar", "Tenger", "Gedang", "Mojo", "Pulo", "Babak", "Kali",
    ];

    private static readonly string[] DesaSecond =
    [
        "rejo", "agung", "mulyo", "sari", "anyar", "kidul", "lor", "wetan", "kulon", "asri", "jaya", "wangi", "bendo",
    ];

    /// <summary>14 to 26 desa names per kecamatan, the same for a seed.</summary>
    public static string[][] DesaNames(int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        return Kecamatan.Select(k =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var wanted = 14 + random.Next(13);
            while (names.Count < wanted)
            {
                names.Add(random.Next(8) == 0
                    ? $"{k.Name} {(random.Next(2) == 0 ? "Kidul" : "Lor")}"
                    : DesaFirst[random.Next(DesaFirst.Length)] + DesaSecond[random.Next(DesaSecond.Length)]);
            }
            return names.Order(StringComparer.Ordinal).ToArray();
        }).ToArray();
    }

    /// <summary>Checks the tables against the register rules of Kinerja.Shared: every name and spelling is a Gresik kecamatan.</summary>
    public static void CheckAgainstKinerja()
    {
        foreach (var k in Kecamatan)
        {
            foreach (var spelling in k.OtherSpellings.Prepend(k.Name))
            {
                if (!Shared.Registers.Kecamatan.TryNormalize(spelling, out var canonical) || canonical != k.Name)
                {
                    throw new InvalidOperationException($"'{spelling}' is not read as kecamatan {k.Name} by Kinerja.Shared");
                }
            }
        }
        if (Kecamatan.Length != Shared.Registers.Kecamatan.All.Count)
        {
            throw new InvalidOperationException("the generator's kecamatan table does not cover Kinerja's 18");
        }
        foreach (var (category, _) in CategoryShares)
        {
            _ = PmksCategories.Get(category);
        }
        if (CategoryShares.Length != PmksCategories.All.Count)
        {
            throw new InvalidOperationException("the generator's PMKS shares do not cover the 26 categories");
        }
    }

    /// <summary>Index of a kecamatan by canonical name.</summary>
    public static int IndexOf(string canonical) => Array.FindIndex(Kecamatan, k => k.Name == canonical);
}
