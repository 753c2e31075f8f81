import { useState } from 'preact/hooks';
import { request, upload, type ImportResult } from '../api';
import { fmtNumber, REGISTER_TEXT } from '../format';
import { graphql } from '../gql';
import { ErrorBox, Table, useLoad } from '../ui';

const FILES = graphql(`query RegisterFiles { registerFiles { register module headers } }`);

export function Register() {
  const files = useLoad(() => request(FILES), []);
  const [register, setRegister] = useState('pmks');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = files.data?.registerFiles.filter(f => f.register === register) ?? [];

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      setResult(await upload(register, file, (sent, total) => setProgress(sent / total)));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section>
      <h1>Impor register</h1>
      <ErrorBox message={files.error} />
      <form class="upload" onSubmit={submit}>
        <div class="field"><label for="register">Register</label><select id="register" value={register} onChange={e => setRegister((e.target as HTMLSelectElement).value)}>
            {[...new Set(files.data?.registerFiles.map(f => f.register) ?? ['pmks', 'psks', 'tmp', 'layanan'])].map(r => <option value={r}>{REGISTER_TEXT[r] ?? r}</option>)}
          </select></div>
        <div class="field"><label for="file">Berkas CSV atau XLSX</label><input id="file" type="file" accept=".csv,.xlsx" required onChange={e => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} /></div>
        <button type="submit" disabled={!file || progress != null}>Unggah</button>
      </form>
      {chosen[0] && <p class="muted">Kolom berkas {REGISTER_TEXT[register] ?? register}: {chosen[0].headers.join(', ')}</p>}
      {progress != null && (
        <p><label for="progress">Mengunggah {fmtNumber(Math.round(progress * 100))} %</label>
          <progress id="progress" max={1} value={progress} /></p>
      )}
      <ErrorBox message={error} />
      {result && (
        <div class="result" role="status">
          <h2>Hasil impor register {REGISTER_TEXT[result.register] ?? result.register}</h2>
          <dl class="tally">
            <div><dt>Baris dibaca</dt><dd data-field="rows">{fmtNumber(result.rows)}</dd></div>
            <div><dt>Diterima</dt><dd data-field="accepted">{fmtNumber(result.accepted)}</dd></div>
            <div><dt>Baru</dt><dd>{fmtNumber(result.inserted)}</dd></div>
            <div><dt>Diperbarui</dt><dd>{fmtNumber(result.updated)}</dd></div>
            <div><dt>Tidak berubah</dt><dd>{fmtNumber(result.unchanged)}</dd></div>
            <div><dt>Ditolak</dt><dd data-field="refused">{fmtNumber(result.refusedCount)}</dd></div>
            <div><dt>Di triwulan yang ditutup</dt><dd data-field="inClosedQuarters">{fmtNumber(result.inClosedQuarters)}</dd></div>
          </dl>
          {result.closedQuarterNote && <p class="warning" data-field="closedQuarterNote">{result.closedQuarterNote}.</p>}
          {result.refused.length > 0 && (
            <Table caption={result.refusedCount > result.refused.length
              ? `Baris yang ditolak: ${fmtNumber(result.refused.length)} pertama dari ${fmtNumber(result.refusedCount)}`
              : 'Baris yang ditolak'}>
              <thead><tr><th scope="col">Baris</th><th scope="col">Kolom</th><th scope="col">Alasan</th></tr></thead>
              <tbody>{result.refused.map(r => <tr data-line={r.line}><td class="num">{fmtNumber(r.line)}</td><td>{r.field}</td><td>{r.reason}</td></tr>)}</tbody>
            </Table>
          )}
        </div>
      )}
    </section>
  );
}
