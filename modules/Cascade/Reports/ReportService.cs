using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// The three reports the Dinas hands in, as data: Pengukuran Kinerja (with its Analisis), Perjanjian
/// Kinerja and Rencana Aksi, from the same figures the API serves.
/// </summary>
internal sealed class ReportService
{
    private readonly ModuleDirectory _directory;
    private readonly ReportFigures _figures;
    private readonly AnalysisService _analyses;
    private readonly OfficialService _officials;
    private readonly Access _access;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly TargetReadingStore _targetReadings;

    public ReportService(ModuleDirectory directory, ReportFigures figures, AnalysisService analyses, OfficialService officials, Access access,
        TimeProvider clock, RollupSettings settings, TargetReadingStore targetReadings)
    {
        _targetReadings = targetReadings;
        _directory = directory;
        _figures = figures;
        _analyses = analyses;
        _officials = officials;
        _access = access;
        _clock = clock;
        _settings = settings;
    }

    public async Task<ReportDocument> BuildAsync(Caller caller, ReportRequest request, CancellationToken cancellationToken)
    {
        RequireReader(caller, request.Unit);
        return request.Kind switch
        {
            ReportKind.PengukuranKinerja => await PengukuranAsync(caller, request, cancellationToken),
            ReportKind.PerjanjianKinerja => await PerjanjianAsync(request, cancellationToken),
            _ => await RencanaAksiAsync(request, cancellationToken),
        };
    }

    /// <summary>A unit's reports are read as its entries are (<see cref="Access.ReadScope"/>): the one rule of reading by unit.</summary>
    private void RequireReader(Caller caller, string unit) => _access.ReadScope(caller, unit, "laporan");

    private async Task<ReportDocument> PengukuranAsync(Caller caller, ReportRequest request, CancellationToken cancellationToken)
    {
        var period = request.Period;
        var previous = Period.Create(period.Year - 1, period.Quarter, period.Cumulative);
        var sets = await _figures.ForAsync([period, previous], cancellationToken);
        var (now, past) = (sets[0], sets[1]);
        var unit = _directory.FindUnit(request.Unit)!;
        var indicators = IndicatorsOf(request.Unit);
        var thisBand = ReportFigures.Label(period);
        var pastBand = ReportFigures.Label(previous);
        ReportColumn[] columns =
        [
            new("No", 4), new("Indikator Kinerja", 46), new("Satuan", 9),
            new("Target", 11, thisBand, true), new("Realisasi", 11, thisBand, true), new("Capaian", 11, thisBand, true),
            new("Predikat", 13, thisBand),
            new("Target", 11, pastBand, true), new("Realisasi", 11, pastBand, true), new("Capaian", 11, pastBand, true),
        ];
        var number = 0;
        var sections = BySasaran(indicators).Select(g => new ReportSection(g.Heading, g.Indicators.Select(i =>
        {
            var format = Satuan.FormatOf(i);
            var a = now.Of(i.Code);
            var b = past.Of(i.Code);
            return new ReportRow(
            [
                ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name), ReportCell.Of(Satuan.Of(i)),
                ReportCell.Of(a?.Target, format), ReportCell.Of(a?.Value, format), ReportCell.Of(a?.Achievement, FigureFormat.Percent),
                ReportCell.Of(a?.Predicate ?? "-"),
                ReportCell.Of(b?.Target, format), ReportCell.Of(b?.Value, format), ReportCell.Of(b?.Achievement, FigureFormat.Percent),
            ]);
        }).ToList())).ToList();
        var title = new[] { "PENGUKURAN KINERJA", unit.Name.ToUpperInvariant(), thisBand.ToUpperInvariant() };
        var lines = new List<string> { now.Provenance, $"Pembanding {past.Provenance}", Printed() };
        var main = new ReportTable("Pengukuran Kinerja", title, lines, columns, sections, [DashNote]);

        var analyses = (await _analyses.ListAsync(caller, period.Year, request.Unit, cancellationToken)).ToDictionary(a => a.Indicator);
        number = 0;
        var analysisSections = BySasaran(indicators).Select(g => new ReportSection(g.Heading, g.Indicators.Select(i =>
        {
            var a = analyses.GetValueOrDefault(i.Code);
            return new ReportRow(
            [
                ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name),
                ReportCell.Of(a?.FaktorPendukung ?? "-"), ReportCell.Of(a?.FaktorPenghambat ?? "-"), ReportCell.Of(a?.UpayaTindakLanjut ?? "-"),
            ]);
        }).ToList())).ToList();
        var analysis = new ReportTable("Analisis",
            ["ANALISIS CAPAIAN KINERJA", unit.Name.ToUpperInvariant(), $"TAHUN {period.Year}"],
            [$"Diisi oleh unit pemilik tiap indikator untuk tahun {period.Year}", Printed()],
            [new("No", 4), new("Indikator Kinerja", 40), new("Faktor Pendukung", 45), new("Faktor Penghambat", 45), new("Upaya Tindak Lanjut", 45)],
            analysisSections, ["Tanda - : analisis belum diisi."]);
        return new ReportDocument(FileName(request), "Pengukuran Kinerja", [main, analysis]);
    }

    private async Task<ReportDocument> PerjanjianAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var year = (await _figures.ForAsync([Period.OfYear(request.Year)], cancellationToken))[0];
        var unit = _directory.FindUnit(request.Unit)!;
        var first = await _officials.FindAsync(unit.Code, request.Year, cancellationToken);
        var second = await _officials.FindAsync(unit.Parent is { } parent && _directory.FindEnabledUnit(parent) is not null ? parent : OfficialService.Bupati,
            request.Year, cancellationToken);
        var number = 0;
        var rows = new List<ReportRow>();
        foreach (var group in BySasaran(IndicatorsOf(unit.Code)))
        {
            var firstOfGroup = true;
            foreach (var i in group.Indicators)
            {
                rows.Add(new ReportRow(
                [
                    ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(firstOfGroup ? group.Goal : ""), ReportCell.Of(i.Name),
                    ReportCell.Of(Satuan.Of(i)), ReportCell.Of(year.Of(i.Code)?.Target, Satuan.FormatOf(i)),
                ]));
                firstOfGroup = false;
            }
        }
        var table = new ReportTable("Perjanjian Kinerja",
            [$"PERJANJIAN KINERJA TAHUN {request.Year}", unit.Name.ToUpperInvariant(), "PEMERINTAH KABUPATEN GRESIK"],
            [
                $"Pihak pertama: {Name(first)}, {first.Jabatan}; pihak kedua: {Name(second)}, {second.Jabatan}.",
                $"Pihak pertama berjanji mewujudkan target kinerja tahun {request.Year} berikut; pihak kedua melakukan supervisi dan evaluasi atas capaiannya.",
                year.Final ? $"Target tahun {request.Year}: final" : $"Target tahun {request.Year}: SEMENTARA, dapat berubah sampai triwulan IV ditutup",
            ],
            [new("No", 4), new("Sasaran", 50), new("Indikator Kinerja", 60), new("Satuan", 10), new("Target", 12, Figure: true)],
            [new ReportSection(null, rows)], [DashNote],
            new Signatures($"Gresik, {IndonesianFormat.Date(Today())}",
                Signatory("PIHAK KEDUA", second), Signatory("PIHAK PERTAMA", first)));
        return new ReportDocument(FileName(request), "Perjanjian Kinerja", [table]);
    }

    private async Task<ReportDocument> RencanaAksiAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var year = request.Year;
        // Each triwulan's target speaks of a period of its own: the triwulan alone for amounts per triwulan, 1 January
        // through it for levels and rates. Both are read, and each row takes the one its reading speaks of.
        Period[] periods =
        [
            .. Enumerable.Range(1, 4).Select(q => Period.OfQuarter(year, q)),
            .. Enumerable.Range(1, 4).Select(q => Period.ThroughQuarter(year, q)),
            Period.OfYear(year),
        ];
        var sets = await _figures.ForAsync(periods, cancellationToken);
        var readings = await _targetReadings.OfYearAsync(year, cancellationToken);
        var unit = _directory.FindUnit(request.Unit)!;
        var columns = new List<ReportColumn> { new("No", 4), new("Indikator Kinerja", 26), new("Satuan", 9.5), new("Jenis target", 9) };
        foreach (var q in Enumerable.Range(1, 4))
        {
            columns.AddRange([new("Target", 8.5, $"Triwulan {IndonesianFormat.Roman(q)}", true), new("Realisasi", 8.5, $"Triwulan {IndonesianFormat.Roman(q)}", true),
                new("Capaian", 10, $"Triwulan {IndonesianFormat.Roman(q)}", true)]);
        }
        columns.AddRange([new("Target", 8.5, $"Tahun {year}", true), new("Realisasi", 8.5, $"Tahun {year}", true), new("Capaian", 10, $"Tahun {year}", true)]);
        columns.Add(new("Penanggung Jawab", 14));
        var number = 0;
        var warnings = new List<string>();
        var sections = _directory.Units.Where(u => _access.IsWithin(u.Code, unit.Code))
            .Select(u => new ReportSection(u.Name, IndicatorsOf(u.Code).Select(i =>
            {
                var format = Satuan.FormatOf(i);
                var reading = readings.Of(i.Code);
                var cells = new List<ReportCell>
                {
                    ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name), ReportCell.Of(Satuan.Of(i)), ReportCell.Of(TargetSet.Words(reading)),
                };
                foreach (var q in Enumerable.Range(1, 4))
                {
                    var v = sets[reading == TargetReading.PerQuarter ? q - 1 : q + 3].Of(i.Code);
                    cells.AddRange([ReportCell.Of(v?.Target, format), ReportCell.Of(v?.Value, format), ReportCell.Of(v?.Achievement, FigureFormat.Percent)]);
                }
                var annual = sets[8].Of(i.Code);
                cells.AddRange([ReportCell.Of(annual?.Target, format), ReportCell.Of(annual?.Value, format),
                    ReportCell.Of(annual?.Achievement, FigureFormat.Percent)]);
                cells.Add(ReportCell.Of(Responsible(i)));
                if (annual?.TargetWarning is { } warning)
                {
                    warnings.Add($"{number}. {i.Name}: {warning}.");
                }
                return new ReportRow(cells);
            }).ToList()))
            .Where(s => s.Rows.Count > 0)
            .ToList();
        var table = new ReportTable("Rencana Aksi",
            [$"RENCANA AKSI TAHUN {year}", unit.Name.ToUpperInvariant()],
            [
                .. sets.Where(s => !s.Period.Cumulative || s.Period.Quarter is null).Select(s => s.Provenance),
                "Target per triwulan dibandingkan dengan realisasi triwulan itu sendiri; target s.d. triwulan dan target tetap per periode "
                    + "dengan realisasi sejak 1 Januari sampai akhir triwulan itu.",
                Printed(),
            ],
            columns, sections,
            [
                DashNote,
                "Target tahun adalah target tahunan; bila tidak ada, jumlah keempat target triwulan (target per triwulan) atau target triwulan IV.",
                .. warnings.Count == 0 ? Array.Empty<string>() : ["Target triwulan yang tidak sesuai dengan target tahunan:", .. warnings],
            ]);
        return new ReportDocument(FileName(request), "Rencana Aksi", [table]);
    }

    private const string DashNote = "Tanda - : belum ada data, penyebut 0, tanpa target, atau modul yang dibutuhkan tidak aktif pada host ini.";

    private IReadOnlyList<IndicatorDefinition> IndicatorsOf(string unit) => _directory.Indicators.Where(i => i.Unit == unit).ToList();

    private sealed record SasaranGroup(string Goal, string Heading, IReadOnlyList<IndicatorDefinition> Indicators);

    // The seed groups a unit's indicators by their sasaran (strategis for the IKU, program, kegiatan), numbered.
    private static IEnumerable<SasaranGroup> BySasaran(IReadOnlyList<IndicatorDefinition> indicators) =>
        indicators.GroupBy(i => i.Goal).Select((g, n) => new SasaranGroup(g.Key,
            $"{n + 1}. {Kind(g.First().Level)}: {g.Key}", g.ToList()));

    private static string Kind(IndicatorLevel level) => level switch
    {
        IndicatorLevel.Iku => "Sasaran strategis",
        IndicatorLevel.Program => "Sasaran program",
        _ => "Sasaran kegiatan",
    };

    // An IKU is the Dinas's, but the catalog notes the Bidang that answers for it.
    private string Responsible(IndicatorDefinition indicator)
    {
        const string prefix = "penanggung jawab ";
        var code = indicator.Note is { } note && note.StartsWith(prefix, StringComparison.Ordinal) ? note[prefix.Length..].Trim() : indicator.Unit;
        return _directory.FindUnit(code)?.Name ?? _directory.FindUnit(indicator.Unit)!.Name;
    }

    private static string Name(Official official) => official.Nama ?? "(nama belum ditetapkan)";

    private static Signatory Signatory(string role, Official o) => new(role, o.Nama, o.Jabatan, o.Pangkat, o.Nip);

    private DateOnly Today() => DateOnly.FromDateTime(_settings.Local(_clock.GetUtcNow()).DateTime);

    private string Printed() => $"Dicetak {IndonesianFormat.DateTime(_settings.Local(_clock.GetUtcNow()))}";

    private static string FileName(ReportRequest r)
    {
        var period = r.Quarter is { } q ? r.Cumulative ? $"-sd-tw{q}" : $"-tw{q}" : "";
        var unit = r.Unit == ReportRequest.DinasUnit ? "" : "-" + r.Unit.ToLowerInvariant();
        return $"{r.Name}-{r.Year}{period}{unit}.{r.Extension}";
    }
}
