import { useEffect, useState } from 'preact/hooks';
import { request, sendEach, type Account } from '../api';
import { fmtNumber } from '../format';
import { graphql } from '../gql';
import type { DataDasarQuery } from '../gql/graphql';
import { inputText } from '../parse';
import { ROMAN } from '../period';
import { useYear } from '../route';
import { ErrorBox, Loading, NumberField, readNumbers, Table, useLoad, YearSelect } from '../ui';

const QUERY = graphql(`query DataDasar($y: Int!, $u: String) { baseMeasures(year: $y, unit: $u) { code name unit { code name } source quarters }
  quarters(year: $y) { quarter closed } }`);
const RECORD = graphql(`mutation RecordBaseMeasure($i: BaseMeasureInput!) { recordBaseMeasure(input: $i) { value } }`);

type Measure = DataDasarQuery['baseMeasures'][number];
type Slot = 'q1' | 'q2' | 'q3' | 'q4';
const SLOTS: Slot[] = ['q1', 'q2', 'q3', 'q4'];

export function DataDasar({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const { data, error, loading, reload } = useLoad(() => request(QUERY, { y: year, u: account.unit }), [year]);
  const closed = new Set(data?.quarters.filter(q => q.closed).map(q => q.quarter));
  return (
    <section>
      <h1>Data dasar</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}><YearSelect value={year} onChange={setYear} /></form>
      <p class="muted">Jumlah pada akhir setiap triwulan, penyebut indikator persentase. Yang dihitung dari register tidak diketik.
        Angka ditulis cara Indonesia: 1.234.</p>
      <ErrorBox message={error} />
      <Loading on={loading && !data} />
      {data && data.baseMeasures.length === 0 && <p>Tidak ada data dasar yang dikelola unit Anda.</p>}
      {data && data.baseMeasures.length > 0 && (
        <Table caption={`Data dasar ${year}, akhir triwulan`} stacked>
          <thead><tr><th scope="col">Data dasar</th><th scope="col">Jumlah akhir triwulan</th></tr></thead>
          <tbody>{data.baseMeasures.map(m => <Row key={`${m.code}-${year}`} measure={m} year={year} closed={closed} onSaved={reload} />)}</tbody>
        </Table>
      )}
    </section>
  );
}

function Row({ measure, year, closed, onSaved }: { measure: Measure; year: number; closed: Set<number>; onSaved: () => void }) {
  const register = measure.source === 'REGISTER';
  const stored = () => Object.fromEntries(SLOTS.map((s, i) => [s, inputText(measure.quarters[i])])) as Record<Slot, string>;
  const [texts, setTexts] = useState(stored);
  // What the server holds after a save replaces what was typed.
  useEffect(() => setTexts(stored()), [measure.quarters.join()]);
  const [errors, setErrors] = useState<Partial<Record<Slot, string>>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const quarterOf = (s: Slot) => Number(s.slice(1));

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    // A stock counts persons or institutions: whole numbers only.
    const read = readNumbers(texts, () => ({ whole: true }));
    for (const s of SLOTS) {
      if (read.ok && read.values[s] == null && measure.quarters[quarterOf(s) - 1] != null) read.errors[s] = 'jumlah yang sudah diisi tidak dapat dikosongkan; tulis angka barunya';
    }
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) return;
    const changed = SLOTS.filter(s => !closed.has(quarterOf(s)) && read.values[s] != null && read.values[s] !== measure.quarters[quarterOf(s) - 1]);
    if (changed.length === 0) {
      setMessage({ ok: true, text: 'Tidak ada yang berubah.' });
      return;
    }
    setBusy(true);
    const refused = await sendEach(changed, s => request(RECORD, { i: { measure: measure.code, year, quarter: quarterOf(s), value: read.values[s]! } }));
    setErrors(refused.at);
    setMessage(refused.rest ? { ok: false, text: refused.rest } : refused.stored ? { ok: true, text: 'Tersimpan.' } : null);
    // Those stored before or after a refused one stay stored: show what the server now holds.
    onSaved();
    setBusy(false);
  }

  return (
    <tr data-measure={measure.code}>
      <th scope="row">{measure.name}<br /><small class="muted">{measure.unit.name}</small></th>
      <td data-label="Jumlah akhir triwulan">{register ? (
        <p class="readonly">{SLOTS.map((_, i) => <span class="quarter-figure">TW {ROMAN[i]}: {fmtNumber(measure.quarters[i])}</span>)}
          <small>dihitung dari register pada hari terakhir triwulan; tidak diketik</small></p>
      ) : (
        <form class="entry" onSubmit={save} noValidate>
          {SLOTS.map((s, i) => (
            <NumberField id={`dasar-${measure.code}-${s}`} label={`TW ${ROMAN[i]}`} value={texts[s]} readOnly={closed.has(i + 1)} whole
              error={errors[s]} onInput={text => setTexts({ ...texts, [s]: text })} />
          ))}
          <button type="submit" disabled={busy}>Simpan</button>
          {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
        </form>
      )}</td>
    </tr>
  );
}
