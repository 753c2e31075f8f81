import { useState } from 'preact/hooks';
import { ApiError, request, type Account } from '../api';
import { fmtNumber, UNDEFINED_TEXT } from '../format';
import { graphql } from '../gql';
import type { SubmittedQuery } from '../gql/graphql';
import { ROMAN } from '../period';
import { useYear } from '../route';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';

const QUERY = graphql(`query Submitted($y: Int!, $u: String) { realizations(year: $y, unit: $u, state: "DIAJUKAN") {
  indicator { code name kind unit { code name } } quarter numerator denominator enteredBy warnings revision } }`);
// The revision shown is sent back: an entry changed since the verifikator read it is refused, not verified unseen.
const VERIFY = graphql(`mutation VerifyRealization($i: String!, $y: Int!, $q: Int!, $v: Int!) {
  verifyRealization(indicator: $i, year: $y, quarter: $q, revision: $v) { verification } }`);
const RETURN = graphql(`mutation ReturnRealization($i: String!, $y: Int!, $q: Int!, $v: Int!, $r: String!) {
  returnRealization(indicator: $i, year: $y, quarter: $q, revision: $v, reason: $r) { verification } }`);

type Entry = SubmittedQuery['realizations'][number];

export function Verifikasi({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const { data, error, loading, reload } = useLoad(() => request(QUERY, { y: year, u: account.unit }), [year]);
  // A verifikator reviews the units below its own, never its own unit's entries.
  const entries = (data?.realizations ?? []).filter(e => account.roles.includes('admin') || e.indicator.unit.code !== account.unit);
  return (
    <section>
      <h1>Verifikasi realisasi</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}><YearSelect value={year} onChange={setYear} /></form>
      <p class="muted">Realisasi yang diajukan unit di bawah {account.unitName ?? 'Dinas'} dan menunggu verifikasi.</p>
      <ErrorBox message={error} />
      <Loading on={loading} />
      {data && entries.length === 0 && <p role="status">Tidak ada realisasi yang menunggu verifikasi.</p>}
      {entries.length > 0 && (
        <Table caption={`Menunggu verifikasi (${entries.length})`} stacked>
          <thead><tr><th scope="col">Indikator</th><th scope="col">TW</th><th scope="col">Realisasi</th><th scope="col">Diisi oleh</th><th scope="col">Tindakan</th></tr></thead>
          <tbody>{entries.map(e => <Row key={`${e.indicator.code}-${e.quarter}`} entry={e} year={year} onDone={reload} />)}</tbody>
        </Table>
      )}
    </section>
  );
}

function Row({ entry, year, onDone }: { entry: Entry; year: number; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = `${entry.indicator.code}-${entry.quarter}`;
  const args = { i: entry.indicator.code, y: year, q: entry.quarter, v: entry.revision };
  const percent = entry.indicator.kind === 'PERCENT';
  async function act(verify: boolean) {
    setError(null);
    setReasonError(null);
    if (!verify && reason.trim() === '') {
      setReasonError('tulis alasannya, agar unit tahu apa yang harus diperbaiki');
      return;
    }
    try {
      await (verify ? request(VERIFY, args) : request(RETURN, { ...args, r: reason.trim() }));
      onDone();
    } catch (e) {
      const refused = e as ApiError;
      const atReason = refused.fields.find(f => f.field === 'reason');
      if (atReason) setReasonError(atReason.reason);
      else setError(refused.message);
    }
  }
  return (
    <tr data-entry={id}>
      <th scope="row"><span class="code">{entry.indicator.code}</span> {entry.indicator.name}<br /><small class="muted">{entry.indicator.unit.name}</small></th>
      <td class="nowrap" data-label="Triwulan">TW {ROMAN[entry.quarter - 1]}</td>
      <td class="num" data-label="Realisasi">{percent ? `${fmtNumber(entry.numerator)} / ${fmtNumber(entry.denominator)}` : fmtNumber(entry.numerator)}
        {percent && entry.numerator === 0 && entry.denominator === 0 && <small class="muted" data-field="undefined"><br />{UNDEFINED_TEXT}</small>}
        {entry.warnings.length > 0 && <ul class="warnings" data-field="warnings">{entry.warnings.map(w => <li>{w}</li>)}</ul>}
      </td>
      <td data-label="Diisi oleh">{entry.enteredBy ?? '–'}</td>
      <td data-label="Tindakan">
        <div class="actions">
          <button type="button" onClick={() => act(true)}>Verifikasi</button>
          <div class="field"><label for={`alasan-${id}`}>Alasan pengembalian</label>
            <input id={`alasan-${id}`} value={reason} aria-invalid={reasonError ? 'true' : undefined}
              aria-describedby={reasonError ? `alasan-${id}-error` : undefined} onInput={e => setReason((e.target as HTMLInputElement).value)} />
            {reasonError && <span class="field-error" id={`alasan-${id}-error`} role="alert">{reasonError}</span>}</div>
          <button type="button" class="secondary" onClick={() => act(false)}>Kembalikan</button>
        </div>
        <ErrorBox message={error} />
      </td>
    </tr>
  );
}
