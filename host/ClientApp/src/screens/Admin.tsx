import { useState } from 'preact/hooks';
import { gql } from '../api';
import { fmtDateTime } from '../format';
import { ROMAN, thisYear } from '../period';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';

interface Quarter { quarter: number; closed: boolean; changedAt: string | null; revision: number | null }
interface Snapshot { quarter: number; revision: number; createdAt: string; trigger: string }
interface Source { code: string; source: string }

export function Admin() {
  const [year, setYear] = useState(thisYear());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, loading, error: loadError, reload } = useLoad(() => gql<{ quarters: Quarter[]; snapshots: Snapshot[]; sources: Source[] }>(
    `query($y: Int!) { quarters(year: $y) { quarter closed changedAt revision }
      snapshots(year: $y) { quarter revision createdAt trigger } sources(year: $y) { code source } }`, { y: year }), [year]);

  async function run(what: string, query: string, variables: Record<string, unknown>) {
    setError(null);
    setMessage(null);
    try {
      await gql(query, variables);
      setMessage(what);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section>
      <h1>Admin</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}><YearSelect value={year} onChange={setYear} /></form>
      {message && <p class="ok" role="status">{message}</p>}
      <ErrorBox message={error ?? loadError} />
      <Loading on={loading && !data} />
      {data && <>
        <h2>Triwulan</h2>
        <Table caption={`Status triwulan ${year}`}>
          <thead><tr><th scope="col">Triwulan</th><th scope="col">Status</th><th scope="col">Sejak</th><th scope="col">Revisi</th><th scope="col">Tindakan</th></tr></thead>
          <tbody>{data.quarters.map(q => (
            <tr data-quarter={q.quarter}><th scope="row">TW {ROMAN[q.quarter - 1]}</th><td>{q.closed ? 'ditutup' : 'terbuka'}</td>
              <td>{fmtDateTime(q.changedAt)}</td><td class="num">{q.revision ?? '–'}</td>
              <td class="actions">
                <button type="button" onClick={() => run(`Rollup TW ${ROMAN[q.quarter - 1]} ${year} selesai; triwulan ditutup.`,
                  'mutation($y: Int!, $q: Int!) { runRollup(year: $y, quarter: $q) { revision } }', { y: year, q: q.quarter })}>Jalankan rollup</button>
                {q.closed && <button type="button" class="secondary" onClick={() => run(`TW ${ROMAN[q.quarter - 1]} ${year} dibuka kembali.`,
                  'mutation($y: Int!, $q: Int!) { reopenQuarter(year: $y, quarter: $q) { closed } }', { y: year, q: q.quarter })}>Buka kembali</button>}
              </td></tr>))}</tbody>
        </Table>

        <h2>Revisi snapshot</h2>
        {data.snapshots.length === 0 ? <p>Belum ada snapshot tahun {year}.</p> : (
          <Table caption={`Snapshot ${year}`}>
            <thead><tr><th scope="col">Triwulan</th><th scope="col">Revisi</th><th scope="col">Dibuat</th><th scope="col">Pemicu</th></tr></thead>
            <tbody>{data.snapshots.map(s => (
              <tr><td>TW {ROMAN[s.quarter - 1]}</td><td class="num">{s.revision}</td><td>{fmtDateTime(s.createdAt)}</td>
                <td>{s.trigger === 'schedule' ? 'terjadwal' : 'manual'}</td></tr>))}</tbody>
          </Table>
        )}

        <h2>Sumber angka {year}</h2>
        <p class="actions">
          <button type="button" onClick={() => run('Semua indikator dihitung dari register.',
            'mutation($y: Int!) { setAllSources(year: $y, source: REGISTER) { code } }', { y: year })}>Semua dari register</button>
          <button type="button" class="secondary" onClick={() => run('Semua indikator diisi unit.',
            'mutation($y: Int!) { setAllSources(year: $y, source: ENTERED) { code } }', { y: year })}>Semua diisi unit</button>
        </p>
        <Table caption={`Sumber per indikator ${year}`}>
          <thead><tr><th scope="col">Kode</th><th scope="col">Sumber</th></tr></thead>
          <tbody>{data.sources.map(s => (
            <tr><th scope="row">{s.code}</th><td>
              <label class="sr-only" for={`sumber-${s.code}`}>Sumber {s.code}</label>
              <select id={`sumber-${s.code}`} value={s.source} onChange={e => run(`Sumber ${s.code} diubah.`,
                'mutation($c: String!, $y: Int!, $s: ValueSource!) { setSource(code: $c, year: $y, source: $s) { source } }',
                { c: s.code, y: year, s: (e.target as HTMLSelectElement).value })}>
                <option value="ENTERED">diisi unit</option><option value="REGISTER">dari register</option>
              </select></td></tr>))}</tbody>
        </Table>
      </>}
      <AuditTrail />
    </section>
  );
}

interface Audit { at: string; user: string; action: string; unit: string | null; code: string | null; year: number | null; quarter: number | null;
  before: string | null; after: string | null; origin: string }

function AuditTrail() {
  const [filters, setFilters] = useState({ unit: '', code: '', user: '', from: '', to: '', limit: '100' });
  const [asked, setAsked] = useState(filters);
  const { data, error, loading } = useLoad(() => gql<{ auditTrail: Audit[] }>(
    `query($unit: String, $code: String, $user: String, $from: DateTimeOffset, $to: DateTimeOffset, $limit: Int) {
      auditTrail(unit: $unit, code: $code, user: $user, from: $from, to: $to, limit: $limit) {
        at user action unit code year quarter before after origin } }`, {
    unit: asked.unit || null, code: asked.code || null, user: asked.user || null,
    from: asked.from ? new Date(`${asked.from}T00:00:00+07:00`).toISOString() : null,
    to: asked.to ? new Date(`${asked.to}T23:59:59+07:00`).toISOString() : null,
    limit: Number(asked.limit) || 100,
  }), [JSON.stringify(asked)]);
  const field = (name: keyof typeof filters, label: string, type: 'text' | 'date' | 'number' = 'text') => (
    <div class="field"><label for={`audit-${name}`}>{label}</label><input id={`audit-${name}`} type={type as "text"} value={filters[name]}
      onInput={e => setFilters({ ...filters, [name]: (e.target as HTMLInputElement).value })} /></div>
  );
  return (
    <>
      <h2>Jejak audit</h2>
      <form class="toolbar" onSubmit={e => { e.preventDefault(); setAsked(filters); }}>
        {field('unit', 'Unit')}{field('code', 'Kode')}{field('user', 'Pengguna')}
        {field('from', 'Dari tanggal', 'date')}{field('to', 'Sampai tanggal', 'date')}{field('limit', 'Paling banyak', 'number')}
        <button type="submit">Tampilkan</button>
      </form>
      <ErrorBox message={error} />
      <Loading on={loading} />
      {data && (
        <Table caption={`Jejak audit (${data.auditTrail.length})`}>
          <thead><tr><th scope="col">Waktu</th><th scope="col">Pengguna</th><th scope="col">Tindakan</th><th scope="col">Unit</th>
            <th scope="col">Kode</th><th scope="col">Periode</th><th scope="col">Sebelum</th><th scope="col">Sesudah</th><th scope="col">Asal</th></tr></thead>
          <tbody>{data.auditTrail.map(a => (
            <tr><td>{fmtDateTime(a.at)}</td><td>{a.user}</td><td>{a.action}</td><td>{a.unit ?? '–'}</td><td>{a.code ?? '–'}</td>
              <td>{a.year ?? ''}{a.quarter ? ` TW ${ROMAN[a.quarter - 1]}` : ''}</td>
              <td class="mono small">{a.before ?? '–'}</td><td class="mono small">{a.after ?? '–'}</td><td>{a.origin}</td></tr>))}</tbody>
        </Table>
      )}
    </>
  );
}
