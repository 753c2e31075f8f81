namespace Kinerja.Bench.Registers;

/// <summary>Who a kegiatan serves: persons of a PMKS group or of an age, people outside the register, or institutions.</summary>
internal enum SubjectPool
{
    FakirMiskin,
    Wrse,
    Disabilitas,
    EksPenyakitSosial,
    AnyPmks,
    Lansia,
    Veterans,
    Youth,
    Children,
    Kids,
    Bencana,
    Public,
    LembagaBinaan,
    Wksbm,
    PantiAsuhan,
    Tmp,
}

/// <summary>
/// A kegiatan COUNT indicator whose services the generator writes: its share of a year's services (per
/// mille), whom it serves, how often the same subject comes back within a year, and the notes offices write.
/// </summary>
internal sealed record ServiceKind(string Code, string Module, double PerMille, SubjectPool Pool, double Repeat, params string[] Notes)
{
    public bool ServesInstitutions => Pool is SubjectPool.LembagaBinaan or SubjectPool.Wksbm or SubjectPool.PantiAsuhan or SubjectPool.Tmp;

    /// <summary>The kegiatan COUNT indicators of Pemberdayaan, Rehabilitasi and Linjamsos; shares add up to 1000.</summary>
    public static readonly ServiceKind[] All =
    [
        new("PERLINDUNGAN-1", "Linjamsos", 250, SubjectPool.FakirMiskin, 0.60, "Pertemuan kelompok PKH", "P2K2 modul kesehatan", "P2K2 modul ekonomi"),
        new("JAMINAN-1", "Linjamsos", 200, SubjectPool.FakirMiskin, 0.50, "Sosialisasi bantuan pangan", "Pendampingan penyaluran"),
        new("PMI-2", "Pemberdayaan", 80, SubjectPool.FakirMiskin, 0.30, "Bimbingan sosial keluarga rentan", "Bantuan sembako"),
        new("PERLINDUNGAN-2", "Linjamsos", 60, SubjectPool.FakirMiskin, 0.15, "Pelatihan menjahit", "Pelatihan tata boga", "Pelatihan las"),
        new("PMI-1", "Pemberdayaan", 60, SubjectPool.Wrse, 0.35, "Pelatihan usaha", "Bantuan modal usaha", "Pendampingan UEP"),
        new("PENGEMBANGAN-2", "Rehabilitasi", 50, SubjectPool.Disabilitas, 0.20, "Kursi roda", "Alat bantu dengar", "Tongkat", "Terapi"),
        new("PERLINDUNGAN-3", "Linjamsos", 50, SubjectPool.Bencana, 0.15, "Banjir Kali Lamong", "Orang terlantar", "Kebakaran", "Mr. X"),
        new("JAMINAN-4", "Linjamsos", 50, SubjectPool.Public, 0.10, "Upacara Hari Pahlawan", "Ziarah TMP", "Sarasehan kesetiakawanan"),
        new("PEMULIHAN-1", "Rehabilitasi", 30, SubjectPool.EksPenyakitSosial, 0.15, "Pelatihan keterampilan", "Bantuan usaha", "Rujukan rehabilitasi"),
        new("JAMINAN-3", "Linjamsos", 30, SubjectPool.Children, 0.40, "Bantuan permakanan anak panti", "Pembinaan anak asuh"),
        new("PENGEMBANGAN-1", "Rehabilitasi", 30, SubjectPool.Lansia, 0.15, "Bimbingan lansia produktif", "Bantuan usaha lansia"),
        new("KELEMBAGAAN-1", "Pemberdayaan", 20, SubjectPool.LembagaBinaan, 0, "Pembinaan pengurus", "Monitoring", "Bimtek administrasi"),
        new("PELAYANAN-1", "Rehabilitasi", 15, SubjectPool.AnyPmks, 0.10, "Rujukan panti rehabilitasi", "Pengiriman ke UPT"),
        new("PELAYANAN-2", "Rehabilitasi", 15, SubjectPool.EksPenyakitSosial, 0.10, "Pelatihan eks PMKS", "Bantuan stimulan"),
        new("JAMINAN-2", "Linjamsos", 15, SubjectPool.PantiAsuhan, 0, "Bantuan permakanan", "Bantuan sarana", "Monitoring"),
        new("PELAYANAN-3", "Rehabilitasi", 10, SubjectPool.Youth, 0.05, "Pelatihan di UPT BSBR Bojonegoro"),
        new("PELAYANAN-4", "Rehabilitasi", 10, SubjectPool.Kids, 0.05, "Petirahan anak"),
        new("JAMINAN-6", "Linjamsos", 10, SubjectPool.Veterans, 0.30, "Tali asih veteran", "Tali asih janda veteran"),
        new("KELEMBAGAAN-2", "Pemberdayaan", 10, SubjectPool.Wksbm, 0, "Pembinaan WKSBM", "Pertemuan kelompok"),
        new("JAMINAN-5", "Linjamsos", 5, SubjectPool.Tmp, 0, "Pengecatan", "Perbaikan pagar", "Kebersihan makam"),
    ];
}
