import { useState } from 'preact/hooks';
import { request, saveDownload } from '../api';
import { describe } from '../audit';
import { fmtBytes, fmtDateTime, REGISTER_TEXT } from '../format';
import { graphql } from '../gql';
import type { AdminYearQuery, ValueSource } from '../gql/graphql';
import { ROMAN } from '../period';
import { useYear } from '../route';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';

const YEAR = graphql(`query AdminYear($y: Int!) { quarters(year: $y) { quarter closed changedAt revision }
  snapshots(year: $y) { quarter revision createdAt trigger } sources(year: $y) { code source }
  indicators { code name } baseMeasures(year: $y) { code name } }`);
const ROLLUP = graphql(`mutation RunRollup($y: Int!, $q: Int!) { runRollup(year: $y, quarter: $q) { revision } }`);
const REOPEN = graphql(`mutation ReopenQuarter($y: Int!, $q: Int!) { reopenQuarter(year: $y, quarter: $q) { closed } }`);
const ALL_SOURCES = graphql(`mutation SetAllSources($y: Int!, $s: ValueSource!) { setAllSources(year: $y, source: $s) { code } }`);
const SOURCE = graphql(`mutation SetSource($c: String!, $y: Int!, $s: ValueSource!) { setSource(code: $c, year: $y, source: $s) { source } }`);
const UNITS = graphql(`query AuditUnits { units { code name } }`);
const AUDIT = graphql(`query AuditTrail($unit: String, $code: String, $user: String, $from: DateTimeOffset, $to: DateTimeOffset, $limit: Int) {
  auditTrail(unit: $unit, code: $code, user: $user, from: $from, to: $to, limit: $limit) {
    at user action unit code year quarter before after origin } }`);

const BACKUPS = graphql(`query Backups { backups(limit: 10) { fileName directory host bytes createdAt trigger removedAt } }`);
const RUN_BACKUP = graphql(`mutation RunBackup { runBackup { fileName bytes } }`);
const TRIGGER_TEXT: Record<string, string> = {
  terjadwal: 'terjadwal', perintah: 'baris perintah', admin: 'dari layar Admin', 'sebelum-pembaruan': 'sebelum pembaruan (migrasi)',
};

type Quarter = AdminYearQuery['quarters'][number];
/** A change asked for, and what sends it once it is confirmed. */
interface Asked { title: string; text: string; yes: string; done: string; send: () => Promise<unknown> }

export function Admin() {
  const [year, setYear] = useYear();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<Asked | null>(null);
  const { data, loading, error: loadError, reload } = useLoad(() => request(YEAR, { y: year }), [year]);
  const names = new Map([
    ...(data?.indicators ?? []).map(i => [i.code, `${i.code} ${i.name}`] as const),
    ...(data?.baseMeasures ?? []).map(m => [m.code, m.name] as const),
    ...Object.entries(REGISTER_TEXT).map(([r, name]) => [r, `Register ${name}`] as const),
  ]);

  async function run(done: string, send: () => Promise<unknown>) {
    setError(null);
    setMessage(null);
    setAsked(null);
    try {
      await send();
      setMessage(done);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  // Closing and reopening a triwulan change what every unit may enter and what the reports print: asked first.
  const rollup = (q: Quarter): Asked => {
    const tw = `TW ${ROMAN[q.quarter - 1]} ${year}`;
    return {
      title: `Jalankan rollup dan tutup ${tw}?`,
      text: `Semua indikator dihitung untuk ${tw} dan s.d. ${tw}, lalu dibekukan sebagai revisi snapshot baru, dan triwulan ditutup: `
        + `realisasi, data dasar dan target ${tw} tidak dapat diisi atau diubah lagi, dan laporan triwulan itu dicetak dari snapshot yang dibekukan `
        + `sampai triwulan dibuka kembali.`,
      yes: `Ya, jalankan rollup dan tutup ${tw}`,
      done: `Rollup ${tw} selesai; triwulan ditutup.`,
      send: () => request(ROLLUP, { y: year, q: q.quarter }),
    };
  };
  const reopen = (q: Quarter): Asked => {
    const tw = `TW ${ROMAN[q.quarter - 1]} ${year}`;
    return {
      title: `Buka kembali ${tw}?`,
      text: `Unit dapat lagi mengisi dan mengubah realisasi, data dasar dan target ${tw}. Snapshot revisi ${q.revision ?? '–'} tetap tersimpan `
        + `sebagai catatan; laporan triwulan itu memakai angka berjalan (sementara) sampai rollup berikutnya membekukan revisi baru.`,
      yes: `Ya, buka kembali ${tw}`,
      done: `${tw} dibuka kembali.`,
      send: () => request(REOPEN, { y: year, q: q.quarter }),
    };
  };

  return (
    <section>
      <h1>Admin</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}><YearSelect value={year} onChange={setYear} /></form>
      {message && <p class="ok" role="status">{message}</p>}
      <ErrorBox message={error ?? loadError} />
      <Loading on={loading && !data} />
      {data && <>
        <h2>Triwulan</h2>
        <Table caption={`Status triwulan ${year}`} stacked>
          <thead><tr><th scope="col">Triwulan</th><th scope="col">Status</th><th scope="col">Sejak</th><th scope="col">Revisi</th><th scope="col">Tindakan</th></tr></thead>
          <tbody>{data.quarters.map(q => (
            <tr data-quarter={q.quarter}><th scope="row">TW {ROMAN[q.quarter - 1]}</th><td data-label="Status">{q.closed ? 'ditutup' : 'terbuka'}</td>
              <td data-label="Sejak">{fmtDateTime(q.changedAt)}</td><td class="num" data-label="Revisi">{q.revision ?? '–'}</td>
              <td class="actions" data-label="Tindakan">
                <button type="button" onClick={() => setAsked(rollup(q))}>Jalankan rollup</button>
                {q.closed && <button type="button" class="secondary" onClick={() => setAsked(reopen(q))}>Buka kembali</button>}
              </td></tr>))}</tbody>
        </Table>
        {asked && (
          <div class="confirm" role="alertdialog" aria-labelledby="konfirmasi-judul" aria-describedby="konfirmasi-isi">
            <h3 id="konfirmasi-judul">{asked.title}</h3>
            <p id="konfirmasi-isi">{asked.text}</p>
            <p class="actions">
              <button type="button" onClick={() => run(asked.done, asked.send)}>{asked.yes}</button>
              <button type="button" class="secondary" onClick={() => setAsked(null)}>Batal</button>
            </p>
          </div>
        )}

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
          <button type="button" onClick={() => run('Semua indikator dan data dasar dihitung dari register.',
            () => request(ALL_SOURCES, { y: year, s: 'REGISTER' }))}>Semua dari register</button>
          <button type="button" class="secondary" onClick={() => run('Semua indikator dan data dasar diisi unit.',
            () => request(ALL_SOURCES, { y: year, s: 'ENTERED' }))}>Semua diisi unit</button>
        </p>
        <Table caption={`Sumber per indikator dan data dasar ${year}`} stacked>
          <thead><tr><th scope="col">Indikator atau data dasar</th><th scope="col">Sumber</th></tr></thead>
          <tbody>{data.sources.map(s => (
            <tr data-source={s.code}><th scope="row">{names.get(s.code) ?? s.code}</th><td data-label="Sumber">
              <label class="sr-only" for={`sumber-${s.code}`}>Sumber {names.get(s.code) ?? s.code}</label>
              <select id={`sumber-${s.code}`} value={s.source} onChange={e => run(`Sumber ${names.get(s.code) ?? s.code} diubah.`,
                () => request(SOURCE, { c: s.code, y: year, s: (e.target as HTMLSelectElement).value as ValueSource }))}>
                <option value="ENTERED">diisi unit</option><option value="REGISTER">dihitung dari register</option>
              </select></td></tr>))}</tbody>
        </Table>
      </>}
      <Backups />
      <AuditTrail names={names} />
    </section>
  );
}

/** The office's backups: the last one's time and size at a glance, a backup now, and a download of each one this host kept. */
function Backups() {
  const { data, error, loading, reload } = useLoad(() => request(BACKUPS), []);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = data?.backups[0];
  async function act(send: () => Promise<string>) {
    setMessage(null);
    setFailure(null);
    setBusy(true);
    try {
      setMessage(await send());
      reload();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <h2>Cadangan</h2>
      {message && <p class="ok" role="status">{message}</p>}
      <ErrorBox message={failure ?? error} />
      <Loading on={loading && !data} />
      {data && <p data-backup-last>{last
        ? <>Cadangan terakhir: <strong>{fmtDateTime(last.createdAt)}</strong>, {fmtBytes(last.bytes)} ({TRIGGER_TEXT[last.trigger] ?? last.trigger}, host {last.host}).</>
        : <>Belum ada cadangan. Tanpa cadangan, kerusakan disk menghapus seluruh catatan SAKIP.</>}</p>}
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => act(async () => {
          const done = (await request(RUN_BACKUP)).runBackup;
          return `Cadangan ${done.fileName} dibuat (${fmtBytes(done.bytes)}).`;
        })}>{busy ? 'Mencadangkan…' : 'Cadangkan sekarang'}</button>
      </p>
      {data && data.backups.length > 0 && (
        <Table caption="Cadangan terbaru (berisi NIK dan hash kata sandi: simpan hanya di tempat yang aman)" stacked>
          <thead><tr><th scope="col">Dibuat</th><th scope="col">Berkas</th><th scope="col">Ukuran</th><th scope="col">Host</th>
            <th scope="col">Pemicu</th><th scope="col">Tindakan</th></tr></thead>
          <tbody>{data.backups.map(b => (
            <tr data-backup={b.fileName}><td data-label="Dibuat">{fmtDateTime(b.createdAt)}</td>
              <td data-label="Berkas" title={b.directory}>{b.fileName}</td><td class="num" data-label="Ukuran">{fmtBytes(b.bytes)}</td>
              <td data-label="Host">{b.host}</td><td data-label="Pemicu">{TRIGGER_TEXT[b.trigger] ?? b.trigger}</td>
              <td class="actions" data-label="Tindakan">{b.removedAt
                ? <>dihapus {fmtDateTime(b.removedAt)}</>
                : <button type="button" class="secondary" onClick={() => act(async () => `${await saveDownload(`/backups/${encodeURIComponent(b.fileName)}`)} diunduh.`)}>Unduh</button>}
              </td></tr>))}</tbody>
        </Table>
      )}
    </>
  );
}

function Change({ json, names }: { json: string | null; names: Map<string, string> }) {
  const pairs = describe(json, names);
  if (pairs.length === 0) return <>–</>;
  return <dl class="change">{pairs.map(([label, value]) => <div><dt>{label}</dt><dd>{value}</dd></div>)}</dl>;
}

function AuditTrail({ names }: { names: Map<string, string> }) {
  const units = useLoad(() => request(UNITS), []);
  const unitName = (code: string | null) => (code == null ? '–' : units.data?.units.find(u => u.code === code)?.name ?? code);
  const known = new Map([...names, ...(units.data?.units ?? []).map(u => [u.code, u.name] as const), ['BUPATI', 'Bupati Gresik']]);
  const [filters, setFilters] = useState({ unit: '', code: '', user: '', from: '', to: '', limit: '100' });
  const [asked, setAsked] = useState(filters);
  const { data, error, loading } = useLoad(() => request(AUDIT, {
    unit: asked.unit || null, code: asked.code || null, user: asked.user || null,
    from: asked.from ? new Date(`${asked.from}T00:00:00+07:00`).toISOString() : null,
    to: asked.to ? new Date(`${asked.to}T23:59:59+07:00`).toISOString() : null,
    limit: Number(asked.limit) || 100,
  }), [JSON.stringify(asked)]);
  const field = (name: keyof typeof filters, label: string, type: 'text' | 'date' | 'number' = 'text') => (
    <div class="field"><label for={`audit-${name}`}>{label}</label><input id={`audit-${name}`} type={type as 'text'} value={filters[name]}
      onInput={e => setFilters({ ...filters, [name]: (e.target as HTMLInputElement).value })} /></div>
  );
  return (
    <>
      <h2>Jejak audit</h2>
      <form class="toolbar" onSubmit={e => { e.preventDefault(); setAsked(filters); }}>
        <div class="field"><label for="audit-unit">Unit</label><select id="audit-unit" value={filters.unit}
          onChange={e => setFilters({ ...filters, unit: (e.target as HTMLSelectElement).value })}>
          <option value="">Semua unit</option>{units.data?.units.map(u => <option value={u.code}>{u.name}</option>)}</select></div>
        {field('code', 'Kode indikator')}{field('user', 'Pengguna')}
        {field('from', 'Dari tanggal', 'date')}{field('to', 'Sampai tanggal', 'date')}{field('limit', 'Paling banyak', 'number')}
        <button type="submit">Tampilkan</button>
      </form>
      <ErrorBox message={error} />
      <Loading on={loading} />
      {data && (
        <Table caption={`Jejak audit (${data.auditTrail.length})`} stacked>
          <thead><tr><th scope="col">Waktu</th><th scope="col">Pengguna</th><th scope="col">Tindakan</th><th scope="col">Unit</th>
            <th scope="col">Tentang</th><th scope="col">Periode</th><th scope="col">Sebelum</th><th scope="col">Sesudah</th><th scope="col">Asal</th></tr></thead>
          <tbody>{data.auditTrail.map(a => (
            <tr><td data-label="Waktu">{fmtDateTime(a.at)}</td><td data-label="Pengguna">{a.user}</td><td data-label="Tindakan">{a.action}</td>
              <td data-label="Unit">{unitName(a.unit)}</td><td data-label="Tentang">{a.code == null ? '–' : known.get(a.code) ?? a.code}</td>
              <td data-label="Periode">{a.year ?? ''}{a.quarter ? ` TW ${ROMAN[a.quarter - 1]}` : ''}</td>
              <td data-label="Sebelum"><Change json={a.before} names={known} /></td><td data-label="Sesudah"><Change json={a.after} names={known} /></td>
              <td data-label="Asal" title={a.origin}>{a.origin.split(' (')[0]}</td></tr>))}</tbody>
        </Table>
      )}
    </>
  );
}
