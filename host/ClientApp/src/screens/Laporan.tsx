import { useState } from 'preact/hooks';
import { download, gql, type Account } from '../api';
import { periodOf, thisYear } from '../period';
import { ErrorBox, PeriodSelect, useLoad, YearSelect } from '../ui';

const REPORTS = [
  { key: 'pengukuran-kinerja', label: 'Pengukuran Kinerja' },
  { key: 'perjanjian-kinerja', label: 'Perjanjian Kinerja' },
  { key: 'rencana-aksi', label: 'Rencana Aksi' },
];

export function Laporan({ account }: { account: Account }) {
  const units = useLoad(() => gql<{ units: { code: string; name: string }[] }>('{ units { code name } }'), []);
  const [report, setReport] = useState(REPORTS[0].key);
  const [format, setFormat] = useState('xlsx');
  const [year, setYear] = useState(thisYear());
  const [key, setKey] = useState('c4');
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
    if (period.quarter != null) query.set('quarter', String(period.quarter));
    query.set('cumulative', String(period.cumulative));
    if (unit) query.set('unit', unit);
    try {
      const { blob, fileName } = await download(`/reports/${report}.${format}?${query}`);
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
        <div class="field"><label for="format">Format</label><select id="format" value={format} onChange={e => setFormat((e.target as HTMLSelectElement).value)}>
            <option value="xlsx">Excel (XLSX)</option><option value="pdf">PDF</option><option value="html">HTML</option>
          </select></div>
        <YearSelect value={year} onChange={setYear} id="laporan-tahun" />
        <PeriodSelect value={key} onChange={setKey} id="laporan-periode" />
        <div class="field"><label for="unit">Unit</label><select id="unit" value={unit} onChange={e => setUnit((e.target as HTMLSelectElement).value)}>
            <option value="">Dinas (semua unit)</option>
            {units.data?.units.map(u => <option value={u.code}>{u.name}</option>)}
          </select></div>
        <button type="submit" disabled={busy}>{busy ? 'Menyiapkan…' : 'Unduh'}</button>
      </form>
      {done && <p class="ok" role="status">{done}</p>}
      <ErrorBox message={error ?? units.error} />
    </section>
  );
}
