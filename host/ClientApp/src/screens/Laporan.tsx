import { useState } from 'preact/hooks';
import { download, request, type Account } from '../api';
import { graphql } from '../gql';
import { periodOf } from '../period';
import { usePeriodKey, useYear } from '../route';
import { ErrorBox, PeriodSelect, useLoad, YearSelect } from '../ui';

// The periods each report takes: the Perjanjian Kinerja is a year's agreement, the Rencana Aksi always holds the
// four triwulan and the year; only the Pengukuran Kinerja measures a chosen period.
const REPORTS = [
  { key: 'pengukuran-kinerja', label: 'Pengukuran Kinerja', periods: true, note: null },
  { key: 'perjanjian-kinerja', label: 'Perjanjian Kinerja', periods: false, note: 'Perjanjian Kinerja berlaku untuk setahun: pilih tahunnya saja.' },
  { key: 'rencana-aksi', label: 'Rencana Aksi', periods: false, note: 'Rencana Aksi memuat keempat triwulan dan setahun: pilih tahunnya saja.' },
  { key: 'lkjip', label: 'LKjIP (draf Word)', periods: false, note: 'Draf LKjIP Dinas untuk setahun, sebagai dokumen Word yang disunting.' },
];
// The LKjIP is the Dinas's, and a Word document to edit; the other reports are tables in any of the three formats.
const isLkjip = (report: string) => report === 'lkjip';

const UNITS = graphql(`query ReportUnits { units { code name } }`);

export function Laporan({ account }: { account: Account }) {
  const units = useLoad(() => request(UNITS), []);
  const [report, setReport] = useState(REPORTS[0].key);
  const [format, setFormat] = useState('xlsx');
  const [year, setYear] = useYear();
  const [key, setKey] = usePeriodKey('y');
  const chosen = REPORTS.find(r => r.key === report)!;
  // An operator or verifikator reads its own unit's reports; pimpinan and admins start with the Dinas's.
  const [unit, setUnit] = useState(account.unit ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    const period = periodOf(year, key);
    const query = new URLSearchParams({ year: String(year) });
    if (chosen.periods && period.quarter != null) {
      query.set('quarter', String(period.quarter));
      query.set('cumulative', String(period.cumulative));
    }
    if (unit && !isLkjip(report)) query.set('unit', unit);
    try {
      const { blob, fileName } = await download(`/reports/${report}.${isLkjip(report) ? 'docx' : format}?${query}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setDone(`${fileName} diunduh.`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>Laporan</h1>
      <form class="stack" onSubmit={submit}>
        <div class="field"><label for="laporan">Laporan</label><select id="laporan" value={report} onChange={e => setReport((e.target as HTMLSelectElement).value)}>
            {REPORTS.map(r => <option value={r.key}>{r.label}</option>)}
          </select></div>
        {isLkjip(report) ? <p class="muted">Format: Word (DOCX).</p> : (
          <div class="field"><label for="format">Format</label><select id="format" value={format} onChange={e => setFormat((e.target as HTMLSelectElement).value)}>
            <option value="xlsx">Excel (XLSX)</option><option value="pdf">PDF</option><option value="html">HTML</option>
          </select></div>)}
        <YearSelect value={year} onChange={setYear} id="laporan-tahun" />
        {chosen.periods ? <PeriodSelect value={key} onChange={setKey} id="laporan-periode" /> : <p class="muted">{chosen.note}</p>}
        {!isLkjip(report) && <div class="field"><label for="unit">Unit</label><select id="unit" value={unit} onChange={e => setUnit((e.target as HTMLSelectElement).value)}>
            <option value="">Dinas (semua unit)</option>
            {units.data?.units.map(u => <option value={u.code}>{u.name}</option>)}
          </select></div>}
        <button type="submit" disabled={busy}>{busy ? 'Menyiapkan…' : 'Unduh'}</button>
      </form>
      {done && <p class="ok" role="status">{done}</p>}
      <ErrorBox message={error ?? units.error} />
    </section>
  );
}
