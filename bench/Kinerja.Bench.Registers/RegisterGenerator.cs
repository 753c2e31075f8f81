using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kinerja.Shared.Registers;

namespace Kinerja.Bench.Registers;

/// <summary>
/// Makes the register files of a synthetic Kabupaten Gresik with a fixed seed: the same seed and sizes give
/// the same bytes. Persons (PMKS, a row per person and category), institutions (PSKS), TMP and services
/// (layanan) over 2022-2026. It keeps what it generated, so that it can say what every count must be
/// (<see cref="ExpectedCounts"/>) without asking any database.
/// </summary>
internal sealed class RegisterGenerator
{
    public const int FirstServiceYear = 2022;
    public const int LastServiceYear = 2026;

    /// <summary>The register's last day: no category starts or ends later.</summary>
    public static readonly DateOnly LastDate = new(2026, 10, 31);

    private static readonly DateOnly FirstStart = new(2018, 1, 1);

    private readonly int _seed;
    private readonly Random _random;
    private readonly Random _format;
    private readonly string[][] _desa;
    private readonly double[] _kecamatanWeights;
    private readonly Dictionary<long, int> _serials = new();

    // Persons, by index.
    private Person[] _persons = [];
    private readonly List<CategoryRow> _categories = new();
    private readonly List<string> _outsiders = new();
    private readonly List<Institution> _institutions = new();
    private readonly List<Institution> _tmp = new();
    private readonly List<Service> _services = new();

    public RegisterGenerator(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        _format = new Random(seed + 1);
        _desa = Gresik.DesaNames(seed);
        _kecamatanWeights = Gresik.Kecamatan.Select(k => (double)k.Thousands).ToArray();
    }

    private struct Person
    {
        public string Nik;
        public string Name;
        public string Desa;
        public DateOnly Birth;
        public byte Kecamatan;
        public char Sex;
    }

    private readonly record struct CategoryRow(int Person, byte Category, DateOnly Start, DateOnly? End);

    private sealed record Institution(string Number, string Name, int Kind, string Type, string Desa, byte Kecamatan, DateOnly From, DateOnly? Until);

    /// <summary>A service; <see cref="Subject"/> is a person's index, -1 - an outsider's index, or an institution's index with <see cref="Institution"/>.</summary>
    private readonly record struct Service(byte Kind, DateOnly Date, int Subject, bool Institution, byte Kecamatan, byte Note);

    public GeneratedFiles Write(string directory, int persons, int servicesPerYear, int institutions)
    {
        Gresik.CheckAgainstKinerja();
        Directory.CreateDirectory(directory);
        var clock = Stopwatch.StartNew();
        GeneratePersons(persons);
        GenerateInstitutions(institutions);
        GenerateTmp();
        GenerateOutsiders(Math.Max(500, persons / 50));
        GenerateServices(servicesPerYear);
        var generated = clock.Elapsed;

        clock.Restart();
        var files = new GeneratedFiles(directory)
        {
            Persons = persons,
            PmksRows = WritePmks(Path.Combine(directory, "pmks.csv")),
            PsksRows = WritePsks(Path.Combine(directory, "psks.csv")),
            TmpRows = WriteTmp(Path.Combine(directory, "tmp.csv")),
            LayananRows = WriteServices(Path.Combine(directory, "layanan.csv")),
            PersonsWithTwoOrMoreRows = _categories.GroupBy(c => c.Person).Count(g => g.Count() > 1),
            EndedCategoryRows = _categories.Count(c => c.End is not null),
            NikOutsideGresik = _persons.Count(p => !Nik.IssuedInGresik(p.Nik)),
            ServicesByYear = _services.GroupBy(s => s.Date.Year).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            ServiceSubjectsOutsideRegister = _services.Where(s => !s.Institution && s.Subject < 0).Select(s => s.Subject).Distinct().Count(),
            Institutions = _institutions.Count,
            GenerateTime = generated,
        };
        files.WriteTime = clock.Elapsed;
        return files;
    }

    // ---------------------------------------------------------------- persons

    private void GeneratePersons(int count)
    {
        _persons = new Person[count];
        var shares = Gresik.CategoryShares.Select(c => c.PerMille).ToArray();
        var deferred = new List<CategoryRow>();
        for (var p = 0; p < count; p++)
        {
            var kecamatan = (byte)Pick(_kecamatanWeights);
            var primary = (byte)Gresik.CategoryShares[Pick(shares)].Category;
            var sex = SexFor(primary);
            var birth = BirthFor(primary);
            var nik = NewNik(NikPrefix(kecamatan), birth, sex);
            _persons[p] = new Person
            {
                Nik = nik,
                Name = NameFor(sex),
                Desa = _desa[kecamatan][_random.Next(_desa[kecamatan].Length)],
                Birth = birth,
                Kecamatan = kecamatan,
                Sex = sex,
            };

            var first = NewRow(p, primary, birth);
            _categories.Add(first);
            if (_random.NextDouble() < 0.12 && SecondCategory(primary, sex, birth) is { } second)
            {
                var row = NewRow(p, second, birth);
                if (row.Start != first.Start || row.Category != first.Category)
                {
                    // Half the second categories were recorded together with the first, half later on (appended).
                    (_random.Next(2) == 0 ? _categories : deferred).Add(row);
                }
            }
            // A category that ended and was recorded again later (re-registered in a new DTKS round).
            if (first.End is { } ended && _random.NextDouble() < 0.05)
            {
                var again = ended.AddDays(30 + _random.Next(400));
                if (again <= LastDate)
                {
                    deferred.Add(new CategoryRow(p, primary, again, null));
                }
            }
        }
        _categories.AddRange(deferred);
    }

    private CategoryRow NewRow(int person, byte category, DateOnly birth)
    {
        var start = RandomDate(FirstStart, LastDate);
        if (start < birth.AddDays(30))
        {
            start = birth.AddDays(30 + _random.Next(365));
        }
        DateOnly? end = null;
        if (_random.NextDouble() < 0.15)
        {
            var last = start.AddDays(60 + _random.Next(1740));
            end = last <= LastDate ? last : null;
        }
        return new CategoryRow(person, category, start, end);
    }

    private char SexFor(int category) => category switch
    {
        23 => 'P',
        10 => _random.NextDouble() < 0.9 ? 'P' : 'L',
        20 => _random.NextDouble() < 0.7 ? 'P' : 'L',
        24 => _random.NextDouble() < 0.52 ? 'P' : 'L',
        _ => _random.Next(2) == 0 ? 'P' : 'L',
    };

    private DateOnly BirthFor(int category) => category switch
    {
        1 => RandomDate(new(2016, 1, 1), new(2020, 12, 31)),
        2 or 3 or 4 or 6 or 7 => RandomDate(new(2006, 1, 1), new(2020, 12, 31)),
        5 => RandomDate(new(2004, 1, 1), new(2020, 12, 31)),
        8 => RandomDate(new(1930, 1, 1), new(1961, 12, 31)),
        9 => RandomDate(new(1935, 1, 1), new(2010, 12, 31)),
        23 => RandomDate(new(1950, 1, 1), new(2004, 12, 31)),
        24 => RandomDate(new(1930, 1, 1), new(2020, 12, 31)),
        10 => RandomDate(new(1960, 1, 1), new(2004, 12, 31)),
        _ => RandomDate(new(1945, 1, 1), new(2004, 12, 31)),
    };

    private static bool Fits(int category, char sex, DateOnly birth) => category switch
    {
        1 => birth.Year >= 2016,
        2 or 3 or 4 or 5 or 6 or 7 => birth.Year >= 2004,
        8 => birth.Year <= 1961,
        23 => sex == 'P' && birth.Year <= 2004,
        24 or 9 or 21 or 22 => true,
        _ => birth.Year <= 2004,
    };

    private byte? SecondCategory(int primary, char sex, DateOnly birth)
    {
        if (primary != 24 && _random.NextDouble() < 0.6)
        {
            return 24;
        }
        if (primary == 24)
        {
            var roll = _random.NextDouble();
            if (roll < 0.4 && Fits(23, sex, birth))
            {
                return 23;
            }
            if (roll < 0.65)
            {
                return 9;
            }
            if (roll < 0.8)
            {
                return 21;
            }
        }
        var shares = Gresik.CategoryShares.Select(c => c.PerMille).ToArray();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var category = Gresik.CategoryShares[Pick(shares)].Category;
            if (category != primary && Fits(category, sex, birth))
            {
                return (byte)category;
            }
        }
        return null;
    }

    private string NikPrefix(int kecamatan)
    {
        var roll = _random.NextDouble();
        if (roll < 0.92)
        {
            return Nik.GresikPrefix + Gresik.Kecamatan[kecamatan].Code;
        }
        if (roll < 0.95)
        {
            // Moved within Gresik: the NIK keeps the kecamatan of issue.
            return Nik.GresikPrefix + Gresik.Kecamatan[_random.Next(Gresik.Kecamatan.Length)].Code;
        }
        var regency = Gresik.OtherRegencies[Pick(Gresik.OtherRegencies.Select(r => (double)r.Weight).ToArray())];
        return regency.Prefix + (1 + _random.Next(regency.Kecamatan)).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A NIK of the place, date of birth (day + 40 for a woman) and the next free serial there.</summary>
    private string NewNik(string prefix6, DateOnly birth, char sex)
    {
        var day = birth.Day + (sex == 'P' ? 40 : 0);
        var twelve = string.Create(CultureInfo.InvariantCulture, $"{prefix6}{day:00}{birth.Month:00}{birth.Year % 100:00}");
        var key = long.Parse(twelve, CultureInfo.InvariantCulture);
        var serial = _serials.GetValueOrDefault(key) + 1;
        _serials[key] = serial;
        var nik = string.Create(CultureInfo.InvariantCulture, $"{twelve}{serial:0000}");
        var errors = Nik.Check(nik, sex, birth);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"generated NIK {nik} is refused by Kinerja's rules: {string.Join("; ", errors.Select(e => e.Reason))}");
        }
        return nik;
    }

    private string NameFor(char sex)
    {
        var given = sex == 'P' ? Gresik.FemaleGiven : Gresik.MaleGiven;
        var family = sex == 'P' ? Gresik.FemaleFamily : Gresik.MaleFamily;
        var name = given[_random.Next(given.Length)];
        if (_random.NextDouble() < 0.7)
        {
            name += " " + family[_random.Next(family.Length)];
        }
        if (_random.NextDouble() < 0.01)
        {
            name += ", " + Gresik.Titles[_random.Next(Gresik.Titles.Length)];
        }
        // Many registers are typed in capitals.
        return _random.NextDouble() < 0.1 ? name.ToUpperInvariant() : name;
    }

    // ---------------------------------------------------------------- institutions

    private static readonly (int Kind, string Prefix, int Count, string Name)[] InstitutionKinds =
    [
        (4, "LKS", 560, "LKS"),
        (5, "KT", 356, "Karang Taruna"),
        (2, "PSM", 420, "PSM"),
        (8, "WKSBM", 380, "WKSBM"),
        (3, "TGN", 60, "Tagana"),
        (12, "DU", 81, "CSR"),
        (9, "WPKS", 40, "WPKS"),
        (7, "KP", 30, "Keluarga Pioner"),
        (1, "PKS", 25, "Peksos"),
        (6, "LK3", 18, "LK3"),
        (11, "TKSK", 18, "TKSK"),
        (10, "PNY", 12, "Penyuluh Sosial"),
    ];

    private static readonly string[] LksNames = ["Al Hidayah", "Muhammadiyah", "Nurul Huda", "Bina Insani", "Darul Ulum", "Sejahtera", "Kasih Bunda", "Al Ikhlas", "Mambaul Ulum", "Aisyiyah"];

    private void GenerateInstitutions(int total)
    {
        var scale = total / 2000.0;
        foreach (var (kind, prefix, count, label) in InstitutionKinds)
        {
            var n = Math.Max(1, (int)Math.Round(count * scale));
            for (var i = 1; i <= n; i++)
            {
                var kecamatan = (byte)Pick(_kecamatanWeights);
                var desa = _desa[kecamatan][_random.Next(_desa[kecamatan].Length)];
                var type = "";
                if (kind == 4)
                {
                    var roll = _random.NextDouble();
                    type = roll < 0.2 ? "LKSA" : roll < 0.3 ? "LKS Lanjut Usia" : roll < 0.38 ? "LKS Disabilitas" : roll < 0.45 ? "LKS Anak" : "";
                }
                var name = kind switch
                {
                    4 => $"{(type.Length > 0 ? type : "LKS")} {LksNames[_random.Next(LksNames.Length)]} {desa}",
                    5 => $"Karang Taruna {desa}",
                    8 => $"WKSBM {desa} {1 + _random.Next(3)}",
                    6 => $"LK3 {Gresik.Kecamatan[kecamatan].Name}",
                    12 => $"CSR PT {LksNames[_random.Next(LksNames.Length)]} Gresik",
                    _ => $"{label} {NameFor(_random.Next(2) == 0 ? 'L' : 'P')}",
                };
                var from = RandomDate(new(2005, 1, 1), new(2026, 9, 30));
                DateOnly? until = null;
                if (_random.NextDouble() < 0.12)
                {
                    var last = from.AddDays(180 + _random.Next(3800));
                    until = last <= LastDate ? last : null;
                }
                _institutions.Add(new Institution(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:0000}"), name, kind, type, desa, kecamatan, from, until));
            }
        }
    }

    private void GenerateTmp()
    {
        (string Name, string Kecamatan, DateOnly From)[] tmp =
        [
            ("TMP Kusuma Bangsa Gresik", "Gresik", new(1975, 11, 10)),
            ("TMP Sidayu", "Sidayu", new(1980, 8, 17)),
            ("TMP Bawean", "Sangkapura", new(1985, 11, 10)),
            ("TMP Driyorejo", "Driyorejo", new(1990, 8, 17)),
            ("TMP Menganti", "Menganti", new(1995, 11, 10)),
            ("TMP Manyar", "Manyar", new(2003, 11, 10)),
            ("TMP Ujungpangkah", "Ujungpangkah", new(2026, 8, 1)),
        ];
        for (var i = 0; i < tmp.Length; i++)
        {
            var kecamatan = (byte)Gresik.IndexOf(tmp[i].Kecamatan);
            _tmp.Add(new Institution(string.Create(CultureInfo.InvariantCulture, $"TMP-{i + 1:00}"), tmp[i].Name, 0, "", _desa[kecamatan][0], kecamatan, tmp[i].From, null));
        }
    }

    /// <summary>People served who are not in the PMKS register (flood victims, the public at a ceremony).</summary>
    private void GenerateOutsiders(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var sex = _random.Next(2) == 0 ? 'P' : 'L';
            var birth = RandomDate(new(1940, 1, 1), new(2008, 12, 31));
            _outsiders.Add(NewNik(NikPrefix(Pick(_kecamatanWeights)), birth, sex));
        }
    }

    // ---------------------------------------------------------------- services

    private void GenerateServices(int perYear)
    {
        var pools = BuildPools();
        var kinds = ServiceKind.All;
        var weights = kinds.Select(k => k.PerMille).ToArray();
        var seen = new HashSet<(int, DateOnly, int, bool)>();
        for (var year = FirstServiceYear; year <= LastServiceYear; year++)
        {
            var volume = (int)Math.Round(perYear * (0.94 + 0.12 * _random.NextDouble()));
            var servedThisYear = kinds.Select(_ => new List<int>()).ToArray();
            var first = new DateOnly(year, 1, 1);
            var days = DateTime.IsLeapYear(year) ? 366 : 365;
            for (var i = 0; i < volume; i++)
            {
                var k = Pick(weights);
                var kind = kinds[k];
                var pool = pools[kind.Pool];
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    var served = servedThisYear[k];
                    var subject = served.Count > 0 && _random.NextDouble() < kind.Repeat
                        ? served[_random.Next(served.Count)]
                        : pool[_random.Next(pool.Length)];
                    var date = first.AddDays(_random.Next(days));
                    if (!seen.Add((k, date, subject, kind.ServesInstitutions)))
                    {
                        continue;
                    }
                    served.Add(subject);
                    var kecamatan = kind.ServesInstitutions
                        ? (kind.Pool == SubjectPool.Tmp ? _tmp[subject] : _institutions[subject]).Kecamatan
                        : subject >= 0 && _random.NextDouble() < 0.95 ? _persons[subject].Kecamatan : (byte)Pick(_kecamatanWeights);
                    _services.Add(new Service((byte)k, date, subject, kind.ServesInstitutions, kecamatan,
                        (byte)(_random.NextDouble() < 0.1 ? 255 : _random.Next(kind.Notes.Length))));
                    break;
                }
            }
        }
        // A register is kept in the order things happened.
        var ordered = _services.Select((s, i) => (s, i)).OrderBy(p => p.s.Date).ThenBy(p => p.i).Select(p => p.s).ToList();
        _services.Clear();
        _services.AddRange(ordered);
    }

    private Dictionary<SubjectPool, int[]> BuildPools()
    {
        var byCategory = new List<int>[27];
        for (var c = 0; c < byCategory.Length; c++)
        {
            byCategory[c] = new List<int>();
        }
        foreach (var row in _categories)
        {
            byCategory[row.Category].Add(row.Person);
        }
        int[] Persons(params int[] categories) => categories.SelectMany(c => byCategory[c]).Distinct().ToArray();
        int[] Born(int from, int through) => Enumerable.Range(0, _persons.Length).Where(p => _persons[p].Birth.Year >= from && _persons[p].Birth.Year <= through).ToArray();
        var outsiders = Enumerable.Range(0, _outsiders.Count).Select(i => -1 - i).ToArray();
        var all = Enumerable.Range(0, _persons.Length).ToArray();
        int[] OrAll(int[] pool) => pool.Length > 0 ? pool : all;

        var lksa = Enumerable.Range(0, _institutions.Count).Where(i => _institutions[i].Type == "LKSA").ToArray();
        var binaan = Enumerable.Range(0, _institutions.Count).Where(i => _institutions[i].Kind is 4 or 5 or 6).ToArray();
        var wksbm = Enumerable.Range(0, _institutions.Count).Where(i => _institutions[i].Kind == 8).ToArray();
        return new Dictionary<SubjectPool, int[]>
        {
            [SubjectPool.FakirMiskin] = OrAll(Persons(24)),
            [SubjectPool.Wrse] = OrAll(Persons(23)),
            [SubjectPool.Disabilitas] = OrAll(Persons(9, 5)),
            [SubjectPool.EksPenyakitSosial] = OrAll(Persons(10, 11, 12, 13, 15, 17)),
            [SubjectPool.AnyPmks] = all,
            [SubjectPool.Lansia] = OrAll(Born(1940, 1966)),
            [SubjectPool.Veterans] = OrAll(Born(1930, 1950)),
            [SubjectPool.Youth] = OrAll(Born(2005, 2011)),
            [SubjectPool.Children] = OrAll(Born(2008, 2020)),
            [SubjectPool.Kids] = OrAll(Born(2012, 2020)),
            // Flood and emergency victims: half already in the register, half not.
            [SubjectPool.Bencana] = [.. OrAll(Persons(21, 22)), .. outsiders.Take(Math.Max(1, Persons(21, 22).Length))],
            [SubjectPool.Public] = [.. outsiders, .. all.Where((_, i) => i % 20 == 0)],
            [SubjectPool.LembagaBinaan] = binaan.Length > 0 ? binaan : [0],
            [SubjectPool.Wksbm] = wksbm.Length > 0 ? wksbm : [0],
            [SubjectPool.PantiAsuhan] = lksa.Length > 0 ? lksa : [0],
            [SubjectPool.Tmp] = Enumerable.Range(0, _tmp.Count).ToArray(),
        };
    }

    // ---------------------------------------------------------------- files

    private int WritePmks(string path)
    {
        using var csv = new CsvWriter(path);
        csv.Row("NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Desa", "Kecamatan", "Kategori PMKS", "Tanggal Mulai", "Tanggal Selesai");
        foreach (var row in _categories)
        {
            ref var p = ref _persons[row.Person];
            csv.Row(p.Nik, p.Name, SexText(p.Sex), DateText(p.Birth), p.Desa, KecamatanText(p.Kecamatan),
                CategoryText(row.Category), DateText(row.Start), row.End is { } end ? DateText(end) : "");
        }
        return _categories.Count;
    }

    private int WritePsks(string path)
    {
        using var csv = new CsvWriter(path);
        csv.Row("Nomor Registrasi", "Nama", "Jenis PSKS", "Tipe Lembaga", "Desa", "Kecamatan", "Tanggal Mulai Aktif", "Tanggal Selesai Aktif");
        foreach (var i in _institutions)
        {
            var category = PsksCategories.All[i.Kind - 1];
            var kindText = category.Abbreviations.Count > 0 && _format.NextDouble() < 0.4 ? category.Abbreviations[0] : category.Name;
            // A panti asuhan is written LKSA or in words.
            var type = i.Type == "LKSA" && _format.NextDouble() < 0.2 ? (_format.Next(2) == 0 ? "Panti Asuhan" : "panti asuhan") : i.Type;
            csv.Row(i.Number, i.Name, kindText, type, i.Desa, KecamatanText(i.Kecamatan), DateText(i.From), i.Until is { } until ? DateText(until) : "");
        }
        return _institutions.Count;
    }

    private int WriteTmp(string path)
    {
        using var csv = new CsvWriter(path);
        csv.Row("Kode TMP", "Nama TMP", "Desa", "Kecamatan", "Tanggal Terdaftar");
        foreach (var t in _tmp)
        {
            csv.Row(t.Number, t.Name, t.Desa, Gresik.Kecamatan[t.Kecamatan].Name, DateText(t.From));
        }
        return _tmp.Count;
    }

    private int WriteServices(string path)
    {
        using var csv = new CsvWriter(path);
        csv.Row("Tanggal", "Kode Indikator", "NIK", "Nomor Registrasi", "Kecamatan", "Keterangan");
        foreach (var s in _services)
        {
            var kind = ServiceKind.All[s.Kind];
            csv.Row(_format.NextDouble() < 0.05 ? s.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : Iso(s.Date),
                kind.Code,
                s.Institution ? "" : SubjectNik(s.Subject),
                s.Institution ? InstitutionNumber(kind, s.Subject) : "",
                KecamatanText(s.Kecamatan),
                s.Note == 255 ? "" : kind.Notes[s.Note]);
        }
        return _services.Count;
    }

    private string SubjectNik(int subject) => subject >= 0 ? _persons[subject].Nik : _outsiders[-1 - subject];

    private string InstitutionNumber(ServiceKind kind, int subject) => kind.Pool == SubjectPool.Tmp ? _tmp[subject].Number : _institutions[subject].Number;

    /// <summary>What the layanan file stores as the subject: a NIK, or REG: and the registration number.</summary>
    private string SubjectKey(Service s)
    {
        var kind = ServiceKind.All[s.Kind];
        return s.Institution ? "REG:" + InstitutionNumber(kind, s.Subject) : SubjectNik(s.Subject);
    }

    private string SexText(char sex) => _format.NextDouble() < 0.1 ? (sex == 'P' ? "Perempuan" : "Laki-laki") : sex.ToString();

    private string DateText(DateOnly date) => _format.NextDouble() < 0.08 ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : Iso(date);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string KecamatanText(byte kecamatan)
    {
        var k = Gresik.Kecamatan[kecamatan];
        return k.OtherSpellings.Length > 0 && _format.NextDouble() < 0.05 ? k.OtherSpellings[_format.Next(k.OtherSpellings.Length)] : k.Name;
    }

    private string CategoryText(byte category)
    {
        var c = PmksCategories.Get(category);
        return c.Abbreviations.Count > 0 && _format.NextDouble() < 0.15 ? c.Abbreviations[0] : c.Name;
    }

    // ---------------------------------------------------------------- what the counts must be

    /// <summary>
    /// Every stock at <paramref name="at"/> and every kegiatan count from <paramref name="from"/> through
    /// <paramref name="to"/>, by kecamatan, computed from the generated data alone, by the rules the catalog
    /// states: a person counts once per stock when any of the stock's categories is active at the date
    /// (started on or before, not ended before); an institution when active; a subject served counts once,
    /// in the kecamatan of their latest service in the period.
    /// </summary>
    public ExpectedCounts ExpectedCounts(DateOnly at, DateOnly from, DateOnly to)
    {
        var expected = new ExpectedCounts(at, from, to);
        // One bit per person stock: pmks, eks_penyakit_sosial, disabilitas, fakir_miskin, wrse.
        var flags = new byte[_persons.Length];
        foreach (var row in _categories)
        {
            if (row.Start > at || (row.End is { } end && end < at))
            {
                continue;
            }
            var bits = 1;
            bits |= PmksCategories.EksPenyakitSosial.Any(c => c.Number == row.Category) ? 2 : 0;
            bits |= PmksCategories.Disabilitas.Any(c => c.Number == row.Category) ? 4 : 0;
            bits |= PmksCategories.FakirMiskin.Any(c => c.Number == row.Category) ? 8 : 0;
            bits |= PmksCategories.Wrse.Any(c => c.Number == row.Category) ? 16 : 0;
            flags[row.Person] |= (byte)bits;
        }
        string[] stocks = ["pmks.total", "eks_penyakit_sosial.total", "disabilitas.total", "fakir_miskin.total", "wrse.total"];
        for (var s = 0; s < stocks.Length; s++)
        {
            var counts = expected.Stock(stocks[s]);
            for (var p = 0; p < flags.Length; p++)
            {
                if ((flags[p] & (1 << s)) != 0)
                {
                    counts[_persons[p].Kecamatan]++;
                }
            }
        }
        var lks = expected.Stock("lks.total");
        var panti = expected.Stock("panti_asuhan.total");
        foreach (var i in _institutions.Where(i => i.Kind == 4 && i.From <= at && (i.Until is null || i.Until >= at)))
        {
            lks[i.Kecamatan]++;
            if (i.Type == "LKSA")
            {
                panti[i.Kecamatan]++;
            }
        }
        var tmp = expected.Stock("tmp.total");
        foreach (var t in _tmp.Where(t => t.From <= at))
        {
            tmp[t.Kecamatan]++;
        }

        // Services: the file is in date order and a subject has at most one service a day per indicator,
        // so the latest service in the period is the last one met.
        foreach (var kind in ServiceKind.All)
        {
            expected.Served(kind.Code);
        }
        var latest = new Dictionary<(byte, string), byte>();
        foreach (var s in _services.Where(s => s.Date >= from && s.Date <= to))
        {
            latest[(s.Kind, SubjectKey(s))] = s.Kecamatan;
        }
        foreach (var ((kind, _), kecamatan) in latest)
        {
            expected.Served(ServiceKind.All[kind].Code)[kecamatan]++;
        }
        return expected;
    }

    /// <summary>
    /// A small PMKS file of new persons, Fakir Miskin from <paramref name="start"/>, with NIKs not used before:
    /// imported while a host runs, it must raise pmks.total and fakir_miskin.total by <paramref name="count"/>.
    /// </summary>
    public void WriteNewFakirMiskin(string path, int count, DateOnly start)
    {
        using var csv = new CsvWriter(path);
        csv.Row("NIK", "Nama", "Jenis Kelamin", "Tanggal Lahir", "Desa", "Kecamatan", "Kategori PMKS", "Tanggal Mulai", "Tanggal Selesai");
        var random = new Random(_seed + 2);
        for (var i = 0; i < count; i++)
        {
            var sex = random.Next(2) == 0 ? 'P' : 'L';
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(15000));
            var kecamatan = random.Next(Gresik.Kecamatan.Length);
            var nik = NewNik(Nik.GresikPrefix + Gresik.Kecamatan[kecamatan].Code, birth, sex);
            csv.Row(nik, NameFor(sex), sex.ToString(), Iso(birth), _desa[kecamatan][0], Gresik.Kecamatan[kecamatan].Name, "Fakir Miskin", Iso(start), "");
        }
    }

    // ---------------------------------------------------------------- helpers

    private DateOnly RandomDate(DateOnly first, DateOnly last) => first.AddDays(_random.Next(last.DayNumber - first.DayNumber + 1));

    private int Pick(double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var roll = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>A CSV file as an office's spreadsheet saves it: UTF-8, comma, a cell quoted when it holds a comma or quote.</summary>
    private sealed class CsvWriter : IDisposable
    {
        private readonly StreamWriter _writer;
        private readonly StringBuilder _line = new(256);

        public CsvWriter(string path) =>
            _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);

        public void Row(params ReadOnlySpan<string> cells)
        {
            _line.Clear();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    _line.Append(',');
                }
                var cell = cells[i];
                if (cell.AsSpan().IndexOfAny(",\"\n") >= 0)
                {
                    _line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    _line.Append(cell);
                }
            }
            _line.Append("\r\n");
            _writer.Write(_line);
        }

        public void Dispose() => _writer.Dispose();
    }
}

/// <summary>The files written and what is in them.</summary>
internal sealed class GeneratedFiles(string directory)
{
    public string Directory { get; } = directory;
    public string Pmks => Path.Combine(Directory, "pmks.csv");
    public string Psks => Path.Combine(Directory, "psks.csv");
    public string Tmp => Path.Combine(Directory, "tmp.csv");
    public string Layanan => Path.Combine(Directory, "layanan.csv");
    public int Persons { get; init; }
    public int PmksRows { get; init; }
    public int PsksRows { get; init; }
    public int TmpRows { get; init; }
    public int LayananRows { get; init; }
    public int PersonsWithTwoOrMoreRows { get; init; }
    public int EndedCategoryRows { get; init; }
    public int NikOutsideGresik { get; init; }
    public IReadOnlyDictionary<int, int> ServicesByYear { get; init; } = new Dictionary<int, int>();
    public int ServiceSubjectsOutsideRegister { get; init; }
    public int Institutions { get; init; }
    public TimeSpan GenerateTime { get; init; }
    public TimeSpan WriteTime { get; set; }

    public static long Size(string path) => new FileInfo(path).Length;
}

/// <summary>What every count of a period must be, by kecamatan (index in <see cref="Gresik.Kecamatan"/>).</summary>
internal sealed class ExpectedCounts(DateOnly at, DateOnly from, DateOnly to)
{
    private readonly Dictionary<string, long[]> _stocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long[]> _served = new(StringComparer.Ordinal);

    public DateOnly At { get; } = at;
    public DateOnly From { get; } = from;
    public DateOnly To { get; } = to;

    public IReadOnlyDictionary<string, long[]> Stocks => _stocks;
    public IReadOnlyDictionary<string, long[]> ServedCounts => _served;

    public long[] Stock(string measure) => Get(_stocks, measure);

    public long[] Served(string indicator) => Get(_served, indicator);

    private static long[] Get(Dictionary<string, long[]> table, string code)
    {
        if (!table.TryGetValue(code, out var counts))
        {
            table[code] = counts = new long[Gresik.Kecamatan.Length];
        }
        return counts;
    }
}
