import { useEffect, useState } from 'preact/hooks';
import { request, sendEach, type Account } from '../api';
import { READING_TEXT } from '../format';
import { graphql } from '../gql';
import type { TargetReading, TargetsQuery } from '../gql/graphql';
import { inputText } from '../parse';
import { ROMAN } from '../period';
import { useYear } from '../route';
import { ErrorBox, Loading, NumberField, readNumbers, Table, useLoad, YearSelect } from '../ui';

const UNITS = graphql(`query TargetUnits { units { code name } }`);
const QUERY = graphql(`query Targets($y: Int!, $u: String) {
  targets(year: $y, unit: $u) { indicator { code name kind unit { code name } } reading annual quarterly warning }
  quarters(year: $y) { quarter closed } }`);
const SET_TARGET = graphql(`mutation SetTarget($i: TargetInput!) { setTarget(input: $i) { status } }`);
const SET_READING = graphql(`mutation SetTargetReading($i: String!, $y: Int!, $r: TargetReading!) {
  setTargetReading(indicator: $i, year: $y, reading: $r) { code } }`);

type Targets = TargetsQuery['targets'][number];
type Slot = 'annual' | 'q1' | 'q2' | 'q3' | 'q4';

const SLOTS: Slot[] = ['annual', 'q1', 'q2', 'q3', 'q4'];
const LABEL: Record<Slot, string> = { annual: 'Tahunan', q1: 'TW I', q2: 'TW II', q3: 'TW III', q4: 'TW IV' };
const quarterOf = (slot: Slot) => (slot === 'annual' ? null : Number(slot.slice(1)));

export function Target({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const admin = account.roles.includes('admin');
  // An administrator without a unit sees every unit's indicators, sixty of them: a unit narrows the list.
  const [unit, setUnit] = useState(account.unit ?? '');
  const units = useLoad(() => account.unit ? Promise.resolve([]) : request(UNITS).then(d => d.units), []);
  const { data, error, loading, reload } = useLoad(() => request(QUERY, { y: year, u: unit || null }), [year, unit]);
  const closed = new Set(data?.quarters.filter(q => q.closed).map(q => q.quarter));
  return (
    <section>
      <h1>Target (Rencana Aksi)</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        {!account.unit && <div class="field"><label for="target-unit">Unit</label>
          <select id="target-unit" value={unit} onChange={e => setUnit((e.target as HTMLSelectElement).value)}>
            <option value="">Semua unit</option>{units.data?.map(u => <option value={u.code}>{u.name}</option>)}
          </select></div>}
      </form>
      <p class="muted">Target tahunan lebih dulu, lalu target keempat triwulan. Cara baca target menentukan arti target triwulan:
        {' '}<b>target per triwulan</b> (capaian triwulan itu saja; setahun = jumlahnya), <b>target s.d. triwulan</b> (tingkat yang dicapai
        pada akhir triwulan; setahun = TW IV), <b>target tetap per periode</b> (angka yang dicapai setiap periode).
        Angka ditulis cara Indonesia: 1.234 dan 2,5.</p>
      <ErrorBox message={error ?? units.error} />
      <Loading on={loading && !data} />
      {data && data.targets.length === 0 && <p>Tidak ada indikator unit Anda.</p>}
      {data && data.targets.length > 0 && (
        <Table caption={`Target ${year}`} stacked>
          <thead><tr><th scope="col">Indikator</th><th scope="col">Cara baca target</th><th scope="col">Target</th></tr></thead>
          <tbody>{data.targets.map(t => (
            <Row key={`${t.indicator.code}-${year}`} targets={t} year={year} admin={admin}
              closed={closed} onSaved={reload} />))}</tbody>
        </Table>
      )}
    </section>
  );
}

function Row({ targets, year, admin, closed, onSaved }: {
  targets: Targets; year: number; admin: boolean; closed: Set<number>; onSaved: () => void;
}) {
  const { code, name, unit } = targets.indicator;
  const typed = (slot: Slot) => (slot === 'annual' ? targets.annual : targets.quarterly[quarterOf(slot)! - 1]);
  const stored = () => Object.fromEntries(SLOTS.map(s => [s, inputText(typed(s))])) as Record<Slot, string>;
  const [texts, setTexts] = useState(stored);
  // What the server holds after a save replaces what was typed.
  useEffect(() => setTexts(stored()), [targets.annual, targets.quarterly.join()]);
  const [errors, setErrors] = useState<Partial<Record<Slot, string>>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // The annual target is the year's: it closes with TW IV.
  const readOnly = (slot: Slot) => closed.has(quarterOf(slot) ?? 4);

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    const read = readNumbers(texts, () => ({}));
    // No mutation removes a target: a set one is changed, never emptied.
    for (const slot of SLOTS) {
      if (read.ok && read.values[slot] == null && typed(slot) != null) read.errors[slot] = 'target yang sudah ditetapkan tidak dapat dikosongkan; tulis angka barunya';
    }
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) return;
    const changed = SLOTS.filter(s => !readOnly(s) && read.values[s] != null && read.values[s] !== typed(s));
    if (changed.length === 0) {
      setMessage({ ok: true, text: 'Tidak ada yang berubah.' });
      return;
    }
    setBusy(true);
    const refused = await sendEach(changed, s => request(SET_TARGET, { i: { indicator: code, year, quarter: quarterOf(s), value: read.values[s]! } }));
    setErrors(refused.at);
    setMessage(refused.rest ? { ok: false, text: refused.rest } : refused.stored ? { ok: true, text: 'Tersimpan.' } : null);
    // Those stored before or after a refused one stay stored: show what the server now holds.
    onSaved();
    setBusy(false);
  }

  async function changeReading(reading: TargetReading) {
    setMessage(null);
    try {
      await request(SET_READING, { i: code, y: year, r: reading });
      setMessage({ ok: true, text: `Cara baca target diubah untuk tahun ${year}.` });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  }

  return (
    <tr data-indicator={code}>
      <th scope="row"><span class="code">{code}</span> {name}<br /><small class="muted">{unit.name}</small></th>
      <td data-label="Cara baca target" data-field="reading">{admin ? (
        <div class="field"><label class="sr-only" for={`baca-${code}`}>Cara baca target {code}</label>
          <select id={`baca-${code}`} value={targets.reading} onChange={e => changeReading((e.target as HTMLSelectElement).value as TargetReading)}>
            {Object.entries(READING_TEXT).map(([key, words]) => <option value={key}>{words}</option>)}
          </select></div>
      ) : READING_TEXT[targets.reading]}</td>
      <td data-label="Target">
        <form class="entry" onSubmit={save} noValidate>
          {SLOTS.map(s => (
            <NumberField id={`target-${code}-${s}`} label={LABEL[s]} value={texts[s]} readOnly={readOnly(s)} error={errors[s]}
              onInput={text => setTexts({ ...texts, [s]: text })} />
          ))}
          <button type="submit" disabled={busy}>Simpan</button>
          {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
        </form>
        {targets.warning && <span class="warning" data-field="target-warning">{targets.warning}</span>}
        {SLOTS.some(readOnly) && <small class="muted">Triwulan yang sudah ditutup hanya dapat dibaca ({
          [1, 2, 3, 4].filter(q => closed.has(q)).map(q => `TW ${ROMAN[q - 1]}`).join(', ')}).</small>}
      </td>
    </tr>
  );
}
