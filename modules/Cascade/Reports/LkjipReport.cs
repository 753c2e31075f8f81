using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Planning;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>
/// The draft of the Dinas's LKjIP for a year, a Word document to edit rather than type: Bab I (tugas, fungsi and the structure
/// from the catalog), Bab II (the Renstra's end targets and the established Perjanjian Kinerja of the Kepala Dinas), Bab III (the
/// Pengukuran Kinerja per sasaran strategis beside last year and the Renstra, each IKU by triwulan with its chart and analysis, the
/// budget's realisation and efficiency), Bab IV as headings to write under. Every figure is read as the other reports read it
/// (<see cref="ReportFigures"/>): the API's figures, a closed period from its snapshot.
/// </summary>
internal sealed class LkjipReport
{
    private const string Dinas = ReportRequest.DinasUnit;

    private readonly ModuleDirectory _directory;
    private readonly ReportFigures _figures;
    private readonly AnalysisService _analyses;
    private readonly OfficialService _officials;
    private readonly Agreements _agreements;
    private readonly Budget _budget;
    private readonly Renstra _renstra;
    private readonly TargetReadingStore _targetReadings;
    private readonly CascadeTreeStore _trees;
    private readonly Access _access;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;

    public LkjipReport(ModuleDirectory directory, ReportFigures figures, AnalysisService analyses, OfficialService officials, Agreements agreements,
        Budget budget, Renstra renstra, TargetReadingStore targetReadings, CascadeTreeStore trees, Access access, TimeProvider clock,
        RollupSettings settings)
    {
        _directory = directory;
        _figures = figures;
        _analyses = analyses;
        _officials = officials;
        _agreements = agreements;
        _budget = budget;
        _renstra = renstra;
        _targetReadings = targetReadings;
        _trees = trees;
        _access = access;
        _clock = clock;
        _settings = settings;
    }

    /// <summary>The figures of one IKU the document prints, by triwulan: what the tests compare with the API.</summary>
    private sealed record Quarterly(string Label, IndicatorValue? Value);

    public async Task<DocxDocument> BuildAsync(Caller caller, int year, CancellationToken cancellationToken)
    {
        // The LKjIP is the Dinas's report: read as its other reports are.
        _access.ReadScope(caller, Dinas, "LKjIP");
        Period[] periods =
        [
            Period.OfYear(year), Period.OfYear(year - 1),
            .. Enumerable.Range(1, 4).Select(q => Period.OfQuarter(year, q)),
            .. Enumerable.Range(1, 4).Select(q => Period.ThroughQuarter(year, q)),
        ];
        var sets = await _figures.ForAsync(periods, cancellationToken);
        var data = new Data(
            year,
            _directory.FindUnit(Dinas)!,
            _directory.Indicators.Where(i => i.Unit == Dinas && i.Level == IndicatorLevel.Iku).ToList(),
            sets[0], sets[1], sets.Skip(2).Take(4).ToList(), sets.Skip(6).Take(4).ToList(),
            await _targetReadings.OfYearAsync(year, cancellationToken),
            (await _analyses.ListAsync(caller, year, Dinas, cancellationToken)).ToDictionary(a => a.Indicator, StringComparer.Ordinal),
            (await _officials.ListAsync(year, cancellationToken)).ToDictionary(o => o.Position, StringComparer.Ordinal),
            (await _agreements.ListAsync(caller, year, Dinas, cancellationToken)).Where(a => a.Unit == Dinas).ToList(),
            await _budget.ListAsync(caller, year, Dinas, cancellationToken),
            (await _renstra.ForYearAsync(year, Dinas, cancellationToken)).ToDictionary(r => r.Indicator.Code, StringComparer.Ordinal),
            await _trees.LessIsBetterAsync(cancellationToken),
            await _trees.TreeOfYearAsync(year, cancellationToken));

        var blocks = new List<DocxBlock>();
        var numbers = new Captions();
        TitlePage(blocks, data);
        Summary(blocks, data);
        BabI(blocks, data);
        BabII(blocks, data, numbers);
        BabIII(blocks, data, numbers);
        BabIV(blocks, data);
        return new DocxDocument($"lkjip-{year}.docx", $"LKjIP {data.Unit.Name} Tahun {year}",
            $"LKjIP {data.Unit.Name} Tahun {year} (draf)", blocks);
    }

    private sealed record Data(
        int Year,
        UnitDefinition Unit,
        IReadOnlyList<IndicatorDefinition> Iku,
        FigureSet Now,
        FigureSet Past,
        IReadOnlyList<FigureSet> Quarters,
        IReadOnlyList<FigureSet> Through,
        TargetReadings Readings,
        IReadOnlyDictionary<string, Analysis> Analyses,
        IReadOnlyDictionary<string, Official> Officials,
        IReadOnlyList<Agreement> Agreements,
        IReadOnlyList<BudgetLine> Lines,
        IReadOnlyDictionary<string, RenstraTarget> Renstra,
        IReadOnlySet<string> LessIsBetter,
        CascadeTree Tree)
    {
        /// <summary>The latest established PK of the Kepala Dinas; null while none is.</summary>
        public Agreement? Established => Agreements.Where(a => a.State == AgreementState.Ditetapkan).MaxBy(a => a.Revision);

        public double? RenstraAchievement(IndicatorDefinition i) =>
            Renstra.TryGetValue(i.Code, out var plan)
                ? AchievementRules.Achievement(Now.Of(i.Code)?.Value, plan.Target, LessIsBetter.Contains(i.Code))
                : null;

        /// <summary>
        /// Each triwulan as its target speaks of it (as the Rencana Aksi and the dashboard read it): the triwulan alone for a target
        /// per triwulan, 1 January through it for a target s.d. triwulan or a rate.
        /// </summary>
        public IReadOnlyList<Quarterly> ByQuarter(IndicatorDefinition i)
        {
            var perQuarter = Readings.Of(i.Code) == TargetReading.PerQuarter;
            return Enumerable.Range(1, 4).Select(q => new Quarterly(
                    perQuarter || q == 1 ? $"TW {IndonesianFormat.Roman(q)}" : $"s.d. TW {IndonesianFormat.Roman(q)}",
                    (perQuarter ? Quarters : Through)[q - 1].Of(i.Code)))
                .ToList();
        }

        /// <summary>The DPA lines that serve an IKU or an indicator below it in the year's pohon kinerja, each whole.</summary>
        public IReadOnlyList<BudgetLine> LinesServing(IndicatorDefinition iku)
        {
            var below = new HashSet<string>(StringComparer.Ordinal);
            var open = new Stack<string>([iku.Code]);
            while (open.TryPop(out var code))
            {
                if (below.Add(code))
                {
                    foreach (var child in Tree.Children(code))
                    {
                        open.Push(child);
                    }
                }
            }
            return Lines.Where(l => l.Indicators.Any(i => below.Contains(i.Code))).ToList();
        }
    }

    /// <summary>Tables and figures numbered per Bab, as an LKjIP numbers them (Tabel 3.2, Gambar 3.1).</summary>
    private sealed class Captions
    {
        private readonly Dictionary<(string, int), int> _next = new();

        public string Next(string kind, int bab)
        {
            var n = _next[(kind, bab)] = _next.GetValueOrDefault((kind, bab)) + 1;
            return $"{kind} {bab}.{n}";
        }
    }

    private void TitlePage(List<DocxBlock> blocks, Data d)
    {
        blocks.Add(new DocxParagraph("LAPORAN KINERJA INSTANSI PEMERINTAH", DocxTextStyle.Title));
        blocks.Add(new DocxParagraph("(LKjIP)", DocxTextStyle.Subtitle));
        blocks.Add(new DocxParagraph(d.Unit.Name.ToUpperInvariant(), DocxTextStyle.Subtitle));
        blocks.Add(new DocxParagraph($"TAHUN {d.Year}", DocxTextStyle.Subtitle));
        blocks.Add(new DocxParagraph(
            $"Draf disusun oleh Kinerja, {Printed()}, dari angka yang sama dengan API dan laporan Pengukuran Kinerja. Sunting, lengkapi "
            + "bagian bertanda petunjuk (huruf miring abu-abu) dan hapus petunjuknya sebelum LKjIP ditandatangani dan diserahkan.",
            DocxTextStyle.Hint));
        blocks.Add(new DocxParagraph(d.Now.Provenance, DocxTextStyle.Note));
        blocks.Add(new DocxParagraph($"Pembanding {d.Past.Provenance}", DocxTextStyle.Note));
    }

    private static void Summary(List<DocxBlock> blocks, Data d)
    {
        blocks.Add(new DocxHeading(1, "IKHTISAR EKSEKUTIF"));
        var goals = d.Iku.Select(i => i.Goal).Distinct().Count();
        blocks.Add(new DocxParagraph(
            $"Kinerja {d.Unit.Name} tahun {d.Year} diukur dengan {d.Iku.Count} Indikator Kinerja Utama (IKU) pada {goals} sasaran strategis. "
            + "Capaian tiap IKU terhadap target tahun " + d.Year + ": "
            + string.Join("; ", d.Iku.Select(i => d.Now.Of(i.Code) is { Achievement: { } a } v
                ? $"{i.Code} {IndonesianFormat.Figure(a, FigureFormat.Percent)} ({v.Predicate})"
                : $"{i.Code} belum dapat dihitung")) + "."));
        if (d.Lines.Count > 0)
        {
            var pagu = d.Lines.Sum(l => l.Pagu);
            var spent = Spent(d.Lines);
            blocks.Add(new DocxParagraph(
                $"Pagu DPA tahun {d.Year} sebesar {Rupiah(pagu)} dengan realisasi {(spent is { } s ? Rupiah(s) : "yang belum dicatat")}"
                + (BudgetLine.Serapan(spent, pagu) is { } serapan ? $" (serapan {IndonesianFormat.Figure(serapan, FigureFormat.Percent)})." : ".")));
        }
        blocks.Add(new DocxParagraph("[Ringkas di sini capaian, kendala utama dan langkah perbaikan tahun ini.]", DocxTextStyle.Hint));
    }

    private void BabI(List<DocxBlock> blocks, Data d)
    {
        blocks.Add(new DocxHeading(1, "BAB I PENDAHULUAN"));
        blocks.Add(new DocxHeading(2, "1.1 Latar Belakang"));
        blocks.Add(new DocxParagraph(
            $"Laporan Kinerja Instansi Pemerintah (LKjIP) {d.Unit.Name} Tahun {d.Year} disusun sebagai wujud pertanggungjawaban atas "
            + "pelaksanaan tugas dan fungsi serta pencapaian sasaran strategis yang ditetapkan dalam Rencana Strategis dan Perjanjian "
            + "Kinerja, sebagaimana diamanatkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
            + "Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014."));
        blocks.Add(new DocxParagraph("[Tambahkan latar belakang dan isu strategis tahun ini.]", DocxTextStyle.Hint));

        blocks.Add(new DocxHeading(2, "1.2 Tugas dan Fungsi"));
        blocks.Add(new DocxParagraph($"{d.Unit.Name} mempunyai tugas {LowerFirst(d.Unit.Tugas)}"));
        if (d.Unit.Fungsi.Count > 0)
        {
            blocks.Add(new DocxParagraph("Dalam melaksanakan tugas tersebut, " + d.Unit.Name + " menyelenggarakan fungsi:"));
            blocks.Add(new DocxNumbered(d.Unit.Fungsi));
        }

        blocks.Add(new DocxHeading(2, "1.3 Struktur Organisasi"));
        blocks.Add(new DocxParagraph(
            $"Susunan organisasi {d.Unit.Name} menurut katalog unit Kinerja, dengan pejabat yang tercatat untuk tahun {d.Year}:"));
        var sections = new List<ReportSection>
        {
            new(null, [Row(d, d.Unit)]),
        };
        foreach (var child in Children(d.Unit.Code))
        {
            sections.Add(new ReportSection(child.Name, [Row(d, child), .. Children(child.Code).Select(u => Row(d, u))]));
        }
        blocks.Add(new DocxTable([new("Unit kerja", 40), new("Jabatan", 40), new("Pejabat", 30)], sections));
        blocks.Add(new DocxParagraph("[Sisipkan bagan struktur organisasi.]", DocxTextStyle.Hint));

        blocks.Add(new DocxHeading(2, "1.4 Sistematika Penyajian"));
        blocks.Add(new DocxNumbered(
        [
            "Bab I Pendahuluan: latar belakang, tugas dan fungsi, serta struktur organisasi.",
            "Bab II Perencanaan Kinerja: target Rencana Strategis dan Perjanjian Kinerja tahun " + d.Year + ".",
            "Bab III Akuntabilitas Kinerja: pengukuran kinerja per sasaran strategis, analisis capaian tiap IKU, dan realisasi anggaran.",
            "Bab IV Penutup: simpulan dan langkah di masa mendatang.",
        ]));
    }

    private static ReportRow Row(Data d, UnitDefinition unit) =>
        new([ReportCell.Of(unit.Name), ReportCell.Of(d.Officials.GetValueOrDefault(unit.Code)?.Jabatan ?? unit.Head),
            ReportCell.Of(d.Officials.GetValueOrDefault(unit.Code)?.Nama ?? "-")]);

    // Below the Kepala Dinas: the Sekretariat first, then the Bidang, then the UPT, each in catalog order, as a Perbup lists them.
    private IEnumerable<UnitDefinition> Children(string code) =>
        _directory.Units.Where(u => u.Parent == code && _directory.FindEnabledUnit(u.Code) is not null)
            .Select((u, n) => (u, n))
            .OrderBy(p => p.u.Kind switch { "sekretariat" => 0, "bidang" => 1, "upt" => 2, _ => 1 })
            .ThenBy(p => p.n)
            .Select(p => p.u);

    private static void BabII(List<DocxBlock> blocks, Data d, Captions captions)
    {
        blocks.Add(new DocxHeading(1, "BAB II PERENCANAAN KINERJA"));
        blocks.Add(new DocxHeading(2, "2.1 Rencana Strategis"));
        if (d.Renstra.Count == 0)
        {
            blocks.Add(new DocxParagraph($"Target Renstra yang memuat tahun {d.Year} belum dicatat di Kinerja (setRenstraTarget).", DocxTextStyle.Hint));
        }
        else
        {
            blocks.Add(new DocxParagraph(
                $"Sasaran strategis dan indikator kinerja utama {d.Unit.Name} beserta target akhir Rencana Strategis yang memuat tahun {d.Year}:"));
            blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 2)} Target akhir Rencana Strategis", DocxTextStyle.Caption));
            var number = 0;
            blocks.Add(new DocxTable(
                [new("No", 4), new("Indikator Kinerja Utama", 46), new("Satuan", 9), new("Periode Renstra", 14), new("Target akhir", 13, Figure: true)],
                BySasaran(d.Iku).Select(g => new ReportSection(g.Heading, g.Indicators.Select(i => d.Renstra.TryGetValue(i.Code, out var plan)
                    ? new ReportRow([ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name), ReportCell.Of(Satuan.Of(i)),
                        ReportCell.Of($"{plan.FromYear}-{plan.ToYear}"), ReportCell.Of(plan.Target, Satuan.FormatOf(i))])
                    : new ReportRow([ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name), ReportCell.Of(Satuan.Of(i)),
                        ReportCell.Of("-"), ReportCell.Of(null, Satuan.FormatOf(i))])).ToList())).ToList()));
        }

        blocks.Add(new DocxHeading(2, $"2.2 Perjanjian Kinerja Tahun {d.Year}"));
        var head = d.Officials.GetValueOrDefault(d.Unit.Code);
        var bupati = d.Officials.GetValueOrDefault(OfficialService.Bupati);
        var parties = $"{Name(head)}, {head?.Jabatan ?? d.Unit.Head}, selaku pihak pertama, dan {Name(bupati)}, "
            + $"{bupati?.Jabatan ?? OfficialService.BupatiJabatan}, selaku pihak kedua";
        var established = d.Established;
        IReadOnlyList<(IndicatorDefinition Indicator, double? Target)> targets;
        if (established is not null)
        {
            blocks.Add(new DocxParagraph(
                $"Perjanjian Kinerja {head?.Jabatan ?? d.Unit.Head} tahun {d.Year} ({Agreements.Name(established.Revision)}) ditetapkan tanggal "
                + $"{IndonesianFormat.Date(established.SignedOn!.Value)} oleh {parties}."
                + (established.Revision > 0 && established.RevisedOn is { } revised
                    ? $" Perubahan ini dibuka tanggal {IndonesianFormat.Date(revised)} dengan alasan: {established.Reason}."
                    : "")));
            if (d.Agreements.FirstOrDefault(a => a.State == AgreementState.Draf && a.Revision > established.Revision) is { } open)
            {
                blocks.Add(new DocxParagraph(
                    $"{Agreements.Name(open.Revision)} dibuka tanggal {IndonesianFormat.Date(open.RevisedOn!.Value)} dan belum ditetapkan; "
                    + "target di bawah adalah yang ditetapkan terakhir.", DocxTextStyle.Note));
            }
            targets = d.Iku.Select(i => (i, established.Targets.FirstOrDefault(t => t.Indicator.Code == i.Code)?.Target)).ToList();
        }
        else
        {
            blocks.Add(new DocxParagraph(
                $"Perjanjian Kinerja {head?.Jabatan ?? d.Unit.Head} tahun {d.Year} belum ditetapkan di Kinerja (DRAF): target di bawah adalah "
                + $"target tahunan yang tercatat saat ini. Tetapkan dengan establishAgreement setelah ditandatangani oleh {parties}.",
                DocxTextStyle.Hint));
            targets = d.Iku.Select(i => (i, d.Now.Of(i.Code)?.Target)).ToList();
        }
        blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 2)} Perjanjian Kinerja tahun {d.Year}", DocxTextStyle.Caption));
        var row = 0;
        var byCode = targets.ToDictionary(t => t.Indicator.Code, t => t.Target, StringComparer.Ordinal);
        blocks.Add(new DocxTable(
            [new("No", 4), new("Sasaran Strategis", 34), new("Indikator Kinerja", 40), new("Satuan", 9), new("Target", 13, Figure: true)],
            [new ReportSection(null, BySasaran(d.Iku).SelectMany(g => g.Indicators.Select((i, n) => new ReportRow(
            [
                ReportCell.Of(++row, FigureFormat.Integer), ReportCell.Of(n == 0 ? g.Goal : ""), ReportCell.Of(i.Name),
                ReportCell.Of(Satuan.Of(i)), ReportCell.Of(byCode[i.Code], Satuan.FormatOf(i)),
            ]))).ToList())]));
        if (d.Lines.Count > 0)
        {
            blocks.Add(new DocxParagraph(
                $"Sasaran tersebut didukung pagu DPA tahun {d.Year} sebesar {Rupiah(d.Lines.Sum(l => l.Pagu))} ({d.Lines.Count} baris; rinciannya pada Bab III)."));
        }
    }

    private void BabIII(List<DocxBlock> blocks, Data d, Captions captions)
    {
        blocks.Add(new DocxHeading(1, "BAB III AKUNTABILITAS KINERJA"));
        blocks.Add(new DocxHeading(2, "3.1 Capaian Kinerja Organisasi"));
        blocks.Add(new DocxParagraph(
            "Pengukuran kinerja membandingkan realisasi dengan target tiap IKU. Capaian adalah realisasi dibagi target dikali 100 "
            + "(untuk indikator yang makin kecil makin baik: (2 x target - realisasi) / target x 100); predikat mengikuti skala "
            + "Permendagri 86 Tahun 2017, kecuali ditetapkan lain pada pengaturan Kinerja."));
        blocks.Add(new DocxParagraph(d.Now.Provenance, DocxTextStyle.Note));
        blocks.Add(new DocxParagraph($"Pembanding {d.Past.Provenance}", DocxTextStyle.Note));

        var periods = d.Renstra.Values.Select(r => $"{r.FromYear}-{r.ToYear}").Distinct().ToList();
        var renstraBand = periods.Count == 1 ? $"Renstra {periods[0]}" : "Renstra";
        blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 3)} Pengukuran Kinerja tahun {d.Year}", DocxTextStyle.Caption));
        var number = 0;
        blocks.Add(new DocxTable(
            [
                new("No", 3), new("Indikator Kinerja", 27), new("Satuan", 6),
                new("Realisasi", 9, $"Tahun {d.Year - 1}", true),
                new("Target", 9, $"Tahun {d.Year}", true), new("Realisasi", 9, $"Tahun {d.Year}", true), new("Capaian", 9, $"Tahun {d.Year}", true),
                new("Predikat", 10, $"Tahun {d.Year}"),
                new("Target akhir", 9, renstraBand, true), new("Capaian", 9, renstraBand, true),
            ],
            BySasaran(d.Iku).Select(g => new ReportSection(g.Heading, g.Indicators.Select(i =>
            {
                var format = Satuan.FormatOf(i);
                var now = d.Now.Of(i.Code);
                return new ReportRow(
                [
                    ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(i.Name), ReportCell.Of(Satuan.Of(i)),
                    ReportCell.Of(d.Past.Of(i.Code)?.Value, format),
                    ReportCell.Of(now?.Target, format), ReportCell.Of(now?.Value, format), ReportCell.Of(now?.Achievement, FigureFormat.Percent),
                    ReportCell.Of(now?.Predicate ?? "-"),
                    ReportCell.Of(d.Renstra.GetValueOrDefault(i.Code)?.Target, format), ReportCell.Of(d.RenstraAchievement(i), FigureFormat.Percent),
                ]);
            }).ToList())).ToList()));
        blocks.Add(new DocxParagraph(
            "Tanda - : belum ada data, penyebut 0, atau tanpa target. Capaian Renstra: realisasi tahun " + d.Year
            + " terhadap target akhir Rencana Strategis.", DocxTextStyle.Note));

        var n = 0;
        foreach (var iku in d.Iku)
        {
            n++;
            blocks.Add(new DocxHeading(3, $"3.1.{n} {iku.Code}: {iku.Name}"));
            blocks.Add(new DocxParagraph(IkuSentence(d, iku)));
            var quarters = d.ByQuarter(iku);
            var format = Satuan.FormatOf(iku);
            blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 3)} Target dan realisasi {iku.Code} per triwulan tahun {d.Year}", DocxTextStyle.Caption));
            blocks.Add(new DocxTable(
                [new("Periode", 20), new("Target", 14, Figure: true), new("Realisasi", 14, Figure: true), new("Capaian", 14, Figure: true), new("Predikat", 16)],
                [new ReportSection(null,
                [
                    .. quarters.Select(q => PeriodRow(q.Label, q.Value, format)),
                    PeriodRow($"Tahun {d.Year}", d.Now.Of(iku.Code), format),
                ])]));
            blocks.Add(new DocxParagraph(d.Readings.Of(iku.Code) == TargetReading.PerQuarter
                ? "Target per triwulan: tiap triwulan dibandingkan dengan realisasi triwulan itu sendiri."
                : "Target s.d. triwulan: tiap triwulan dibandingkan dengan realisasi sejak 1 Januari sampai akhir triwulan itu.", DocxTextStyle.Note));
            blocks.Add(new DocxChart($"{iku.Code}: target dan realisasi {d.Year}", quarters.Select(q => q.Label).ToList(),
                [new DocxSeries("Target", quarters.Select(q => q.Value?.Target).ToList()), new DocxSeries("Realisasi", quarters.Select(q => q.Value?.Value).ToList())],
                format == FigureFormat.Integer ? "#,##0" : "#,##0.00"));
            blocks.Add(new DocxParagraph($"{captions.Next("Gambar", 3)} Target dan realisasi {iku.Code} per triwulan tahun {d.Year}", DocxTextStyle.Caption));

            var analysis = d.Analyses.GetValueOrDefault(iku.Code);
            blocks.Add(new DocxParagraph("", DocxTextStyle.Body, "Analisis capaian"));
            AnalysisLine(blocks, "Faktor pendukung:", analysis?.FaktorPendukung);
            AnalysisLine(blocks, "Faktor penghambat:", analysis?.FaktorPenghambat);
            AnalysisLine(blocks, "Upaya tindak lanjut:", analysis?.UpayaTindakLanjut);
            var serving = d.LinesServing(iku);
            if (serving.Count > 0)
            {
                blocks.Add(new DocxParagraph(BudgetSentence(d, iku, serving), DocxTextStyle.Body, "Anggaran:"));
            }
        }

        BabIIIBudget(blocks, d, captions);
    }

    private static ReportRow PeriodRow(string label, IndicatorValue? value, FigureFormat format) => new(
    [
        ReportCell.Of(label), ReportCell.Of(value?.Target, format), ReportCell.Of(value?.Value, format),
        ReportCell.Of(value?.Achievement, FigureFormat.Percent), ReportCell.Of(value?.Predicate ?? "-"),
    ]);

    private static void AnalysisLine(List<DocxBlock> blocks, string label, string? text) =>
        blocks.Add(text is null
            ? new DocxParagraph("[belum diisi: isi di layar Pejabat dan analisis atau tulis di sini]", DocxTextStyle.Hint, label)
            : new DocxParagraph(text, DocxTextStyle.Body, label));

    private static string IkuSentence(Data d, IndicatorDefinition i)
    {
        var now = d.Now.Of(i.Code);
        var past = d.Past.Of(i.Code);
        var text = now?.Value is { } value
            ? $"Realisasi tahun {d.Year} sebesar {WithSatuan(value, i)}"
                + (now.Target is { } target ? $" dari target {WithSatuan(target, i)}" : " tanpa target tahunan")
                + (now.Achievement is { } a ? $", sehingga capaian kinerjanya {IndonesianFormat.Figure(a, FigureFormat.Percent)} dengan predikat {now.Predicate}." : ".")
            : $"Realisasi tahun {d.Year} belum dapat dihitung (belum ada data atau penyebut 0)"
                + (now?.Target is { } t ? $"; targetnya {WithSatuan(t, i)}." : ".");
        if (d.LessIsBetter.Contains(i.Code))
        {
            text += " Indikator ini makin kecil makin baik.";
        }
        if (past?.Value is { } before)
        {
            text += $" Tahun {d.Year - 1} realisasinya {WithSatuan(before, i)}"
                + (now?.Value is { } v2 && v2 != before ? (v2 > before ? ", sehingga realisasi tahun ini naik." : ", sehingga realisasi tahun ini turun.") : ".");
        }
        if (d.Renstra.GetValueOrDefault(i.Code) is { } plan)
        {
            text += $" Target akhir Renstra {plan.FromYear}-{plan.ToYear} sebesar {WithSatuan(plan.Target, i)}"
                + (d.RenstraAchievement(i) is { } r ? $"; realisasi tahun {d.Year} mencapai {IndonesianFormat.Figure(r, FigureFormat.Percent)} darinya." : ".");
        }
        return text;
    }

    private static string BudgetSentence(Data d, IndicatorDefinition iku, IReadOnlyList<BudgetLine> lines)
    {
        var pagu = lines.Sum(l => l.Pagu);
        var spent = Spent(lines);
        var serapan = BudgetLine.Serapan(spent, pagu);
        var text = $"{lines.Count} baris DPA mendukung {iku.Code} dan indikator di bawahnya, dengan pagu {Rupiah(pagu)}"
            + (spent is { } s ? $" dan realisasi {Rupiah(s)} (serapan {IndonesianFormat.Figure(serapan, FigureFormat.Percent)})" : ", realisasinya belum dicatat");
        if (d.Now.Of(iku.Code)?.Achievement is { } a && serapan is { } sr)
        {
            text += $"; efisiensi (capaian dikurangi serapan) {Points(a - sr)}";
        }
        return text + ".";
    }

    private void BabIIIBudget(List<DocxBlock> blocks, Data d, Captions captions)
    {
        blocks.Add(new DocxHeading(2, "3.2 Realisasi Anggaran"));
        if (d.Lines.Count == 0)
        {
            blocks.Add(new DocxParagraph($"Baris DPA tahun {d.Year} belum dicatat di Kinerja (setBudgetLine, atau impor templat DPA).", DocxTextStyle.Hint));
            return;
        }
        var pagu = d.Lines.Sum(l => l.Pagu);
        var spent = Spent(d.Lines);
        var last = d.Lines.SelectMany(l => l.Realizations.Keys).DefaultIfEmpty(0).Max();
        blocks.Add(new DocxParagraph(
            $"Pagu DPA {d.Unit.Name} tahun {d.Year} sebesar {Rupiah(pagu)}"
            + (spent is { } s
                ? $", terealisasi {Rupiah(s)} sampai triwulan {IndonesianFormat.Roman(last)} "
                    + $"(serapan {IndonesianFormat.Figure(BudgetLine.Serapan(s, pagu), FigureFormat.Percent)})."
                : "; realisasinya belum dicatat.")));
        blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 3)} Realisasi anggaran tahun {d.Year}", DocxTextStyle.Caption));
        var number = 0;
        var sections = d.Lines.GroupBy(l => l.Unit).Select(g => new ReportSection(
            _directory.FindUnit(g.Key)?.Name ?? g.Key,
            g.Select(l => new ReportRow(
            [
                ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of(l.Code), ReportCell.Of(l.Name),
                ReportCell.Of(l.Indicators.Count == 0 ? "-" : string.Join(", ", l.Indicators.Select(i => i.Code))),
                ReportCell.Of(l.Pagu, FigureFormat.Rupiah), ReportCell.Of(l.RealizedThrough(4), FigureFormat.Rupiah),
                ReportCell.Of(BudgetLine.Serapan(l.RealizedThrough(4), l.Pagu), FigureFormat.Percent),
            ])).ToList())).ToList();
        blocks.Add(new DocxTable(
            [
                new("No", 4), new("Kode", 12), new("Program / kegiatan / sub-kegiatan", 30), new("Indikator", 14),
                new("Pagu", 16, Figure: true), new("Realisasi", 16, Figure: true), new("Serapan", 10, Figure: true),
            ],
            sections,
            [
                ReportCell.Of(""), ReportCell.Of(""), ReportCell.Of("Jumlah"), ReportCell.Of(""),
                ReportCell.Of(pagu, FigureFormat.Rupiah), ReportCell.Of(spent, FigureFormat.Rupiah),
                ReportCell.Of(BudgetLine.Serapan(spent, pagu), FigureFormat.Percent),
            ]));
        foreach (var line in d.Lines.Where(l => l.Warning is not null))
        {
            blocks.Add(new DocxParagraph($"{line.Code}: {line.Warning}.", DocxTextStyle.Note));
        }

        var rows = d.Iku.Select(i => (Iku: i, Lines: d.LinesServing(i))).Where(p => p.Lines.Count > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        blocks.Add(new DocxParagraph(
            "Efisiensi penggunaan anggaran membandingkan capaian tiap IKU dengan serapan anggaran baris DPA yang mendukungnya (baris yang "
            + "mendukung IKU itu atau indikator di bawahnya dalam pohon kinerja)."));
        blocks.Add(new DocxParagraph($"{captions.Next("Tabel", 3)} Capaian kinerja dan serapan anggaran per IKU tahun {d.Year}", DocxTextStyle.Caption));
        number = 0;
        blocks.Add(new DocxTable(
            [
                new("No", 4), new("Indikator Kinerja Utama", 36), new("Capaian", 11, Figure: true), new("Pagu", 16, Figure: true),
                new("Realisasi", 16, Figure: true), new("Serapan", 11, Figure: true), new("Efisiensi (poin)", 11, Figure: true),
            ],
            [new ReportSection(null, rows.Select(p =>
            {
                var achievement = d.Now.Of(p.Iku.Code)?.Achievement;
                var linePagu = p.Lines.Sum(l => l.Pagu);
                var lineSpent = Spent(p.Lines);
                var serapan = BudgetLine.Serapan(lineSpent, linePagu);
                return new ReportRow(
                [
                    ReportCell.Of(++number, FigureFormat.Integer), ReportCell.Of($"{p.Iku.Code}: {p.Iku.Name}"),
                    ReportCell.Of(achievement, FigureFormat.Percent), ReportCell.Of(linePagu, FigureFormat.Rupiah),
                    ReportCell.Of(lineSpent, FigureFormat.Rupiah), ReportCell.Of(serapan, FigureFormat.Percent),
                    ReportCell.Of(achievement - serapan, FigureFormat.Decimal),
                ]);
            }).ToList())]));
        blocks.Add(new DocxParagraph(
            "Efisiensi: capaian dikurangi serapan, dalam poin persen (positif: capaian melampaui serapan), seperti pada Pengukuran Kinerja. Baris yang mendukung "
            + "beberapa IKU dihitung utuh pada tiap IKU, tidak dibagi.", DocxTextStyle.Note));
    }

    private static void BabIV(List<DocxBlock> blocks, Data d)
    {
        blocks.Add(new DocxHeading(1, "BAB IV PENUTUP"));
        blocks.Add(new DocxHeading(2, "4.1 Simpulan"));
        blocks.Add(new DocxParagraph($"[Tuliskan simpulan atas capaian kinerja {d.Unit.Name} tahun {d.Year}.]", DocxTextStyle.Hint));
        blocks.Add(new DocxHeading(2, "4.2 Langkah di Masa Mendatang"));
        blocks.Add(new DocxParagraph($"[Tuliskan langkah perbaikan dan rencana tindak lanjut untuk tahun {d.Year + 1}.]", DocxTextStyle.Hint));
    }

    private sealed record SasaranGroup(string Goal, string Heading, IReadOnlyList<IndicatorDefinition> Indicators);

    private static IEnumerable<SasaranGroup> BySasaran(IReadOnlyList<IndicatorDefinition> indicators) =>
        indicators.GroupBy(i => i.Goal).Select((g, n) => new SasaranGroup(g.Key, $"Sasaran strategis {n + 1}: {g.Key}", g.ToList()));

    /// <summary>Spent by the lines, each from 1 January through its last triwulan entered; null when none entered any.</summary>
    private static double? Spent(IEnumerable<BudgetLine> lines)
    {
        var spent = lines.Select(l => l.RealizedThrough(4)).OfType<double>().ToList();
        return spent.Count == 0 ? null : spent.Sum();
    }

    private static string Rupiah(double amount) => IndonesianFormat.Figure(amount, FigureFormat.Rupiah);

    private static string Points(double points) => (points > 0 ? "+" : "") + IndonesianFormat.Figure(points, FigureFormat.Decimal) + " poin";

    private static string WithSatuan(double figure, IndicatorDefinition i) =>
        IndonesianFormat.Figure(figure, Satuan.FormatOf(i)) + (Satuan.Of(i) == "%" ? " %" : " " + Satuan.Of(i));

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string Name(Official? official) => official?.Nama ?? "(nama belum ditetapkan)";

    private string Printed() => $"dicetak {IndonesianFormat.DateTime(_settings.Local(_clock.GetUtcNow()))}";
}
