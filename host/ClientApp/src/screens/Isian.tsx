import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, type Account } from '../api';
import { fmtDateTime, fmtValue, STATE_TEXT, STATUS_TEXT, UNDEFINED_TEXT } from '../format';
import { graphql } from '../gql';
import type { IsianFiguresQuery, IsianSetupQuery } from '../gql/graphql';
import { inputText } from '../parse';
import { ROMAN, thisYear } from '../period';
import { useQuarterParam, useYear } from '../route';
import { ErrorBox, Loading, NumberField, readNumbers, Table, useLoad, YearSelect } from '../ui';
import { TargetFigure } from './Dasbor';
import { useReturned, WaitingNotice } from './Menunggu';

const SETUP = graphql(`query IsianSetup($y: Int!) { units { code name parent { code } }
  tree(year: $y) { indicator { code name kind unit { code name } } numerator denominator }
  quarters(year: $y) { quarter closed changedAt } sources(year: $y) { code source } }`);
const FIGURES = graphql(`query IsianFigures($y: Int!, $q: Int!, $u: String) {
  realizations(year: $y, quarter: $q, unit: $u) { indicator { code } numerator denominator state returnReason reviewedBy warnings }
  now: values(year: $y, quarter: $q, unit: $u) { indicator { code } numerator denominator value target status verification }
  annual: values(year: $y, unit: $u) { indicator { code } target targetWarning } }`);
const RECORD = graphql(`mutation RecordRealization($i: RealizationInput!) { recordRealization(input: $i) { status verification } }`);

type Rule = IsianSetupQuery['tree'][number];
type Entry = IsianFiguresQuery['realizations'][number];
type Figures = IsianFiguresQuery['now'][number];
type Annual = IsianFiguresQuery['annual'][number];
type Part = 'value' | 'numerator' | 'denominator';

/** The units an account may enter for: its own and those below it (every unit for an admin). */
export function unitsOf<U extends { code: string; parent?: { code: string } | null }>(account: Account, units: U[]): U[] {
  if (account.roles.includes('admin') && !account.unit) return units;
  const within = (u: U): boolean => u.code === account.unit || (u.parent != null && within(units.find(p => p.code === u.parent!.code)!));
  return units.filter(within);
}

/** The triwulan a year's entries are at now: this year's current one, the last of a past year, the first of a later. */
function currentQuarter(year: number) {
  const now = new Date();
  if (year < thisYear()) return 4;
  if (year > thisYear()) return 1;
  return Math.floor(now.getMonth() / 3) + 1;
}

/** The tabs of the four triwulan, kept in the address. */
function QuarterTabs({ value, onChange }: { value: number; onChange: (q: number) => void }) {
  return (
    <fieldset class="tabs"><legend>Triwulan</legend>
      {[1, 2, 3, 4].map(q => (
        <label class={q === value ? 'on' : ''}><input type="radio" name="triwulan" value={q} checked={q === value}
          onChange={() => onChange(q)} />TW {ROMAN[q - 1]}</label>))}
    </fieldset>
  );
}

export function Isian({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const [asked, setQuarter, settleQuarter] = useQuarterParam();
  const returned = useReturned(account, year);
  // Without a triwulan in the address, Isian opens where a returned entry waits, else at the current triwulan.
  const quarter = asked ?? (returned.loading ? null : returned.byQuarter[0]?.quarter ?? currentQuarter(year));
  // The triwulan opened goes into the address, so that it stays put when a correction empties its returns.
  useEffect(() => { if (asked == null && quarter != null) settleQuarter(quarter); }, [asked, quarter]);
  const setup = useLoad(() => request(SETUP, { y: year }), [year]);

  const mine = setup.data ? new Set(unitsOf(account, setup.data.units).map(u => u.code)) : new Set<string>();
  const rules = setup.data ? setup.data.tree.filter(r => r.numerator === 'input' && mine.has(r.indicator.unit.code)) : [];
  const codes = rules.map(r => r.indicator.code);
  const figures = useLoad(() => codes.length === 0 || quarter == null ? Promise.resolve(null)
    : request(FIGURES, { y: year, q: quarter, u: account.unit }), [year, quarter, codes.join()]);

  const state = setup.data?.quarters.find(q => q.quarter === quarter);
  const registerCodes = new Set(setup.data?.sources.filter(s => s.source === 'REGISTER').map(s => s.code));
  return (
    <section>
      <h1>Isian realisasi</h1>
      <WaitingNotice account={account} year={year} returned={returned} />
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        {quarter != null && <QuarterTabs value={quarter} onChange={setQuarter} />}
      </form>
      <p class="muted">{account.unitName ?? 'Semua unit'}{account.unit ? ' dan unit di bawahnya' : ''}. Angka ditulis cara Indonesia: 1.234 (titik pemisah ribuan), 2,5 (koma desimal).</p>
      {state?.closed && <p class="notice" role="status">Triwulan {ROMAN[quarter! - 1]} {year} sudah ditutup pada {fmtDateTime(state.changedAt)}: isian hanya dapat dibaca.</p>}
      <ErrorBox message={setup.error ?? figures.error} />
      <Loading on={setup.loading || figures.loading} />
      {setup.data && rules.length === 0 && <p>Tidak ada indikator yang diisi oleh unit Anda.</p>}
      {figures.data && (
        <Table caption={`Indikator TW ${ROMAN[quarter! - 1]} ${year}`} stacked>
          <thead><tr><th scope="col">Indikator</th><th scope="col">Target tahunan</th><th scope="col">Target TW {ROMAN[quarter! - 1]}</th>
            <th scope="col">Realisasi</th><th scope="col">Status</th></tr></thead>
          <tbody>{rules.map(r => (
            <Row key={`${r.indicator.code}-${year}-${quarter}`} rule={r} year={year} quarter={quarter!}
              figures={figures.data!.now.find(v => v.indicator.code === r.indicator.code)!}
              annual={figures.data!.annual.find(v => v.indicator.code === r.indicator.code)!}
              entry={figures.data!.realizations.find(e => e.indicator.code === r.indicator.code)}
              closed={state?.closed ?? false} register={registerCodes.has(r.indicator.code)}
              onSaved={() => { figures.reload(); returned.reload(); }} />))}</tbody>
        </Table>
      )}
    </section>
  );
}

const LABEL: Record<Part, string> = { value: 'Jumlah', numerator: 'Pembilang', denominator: 'Penyebut' };

function Row({ rule, year, quarter, figures, annual, entry, closed, register, onSaved }: {
  rule: Rule; year: number; quarter: number; figures: Figures; annual: Annual; entry: Entry | undefined;
  closed: boolean; register: boolean; onSaved: () => void;
}) {
  const { code, name, kind } = rule.indicator;
  const percent = kind === 'PERCENT';
  const parts: Part[] = percent ? (rule.denominator === 'input' ? ['numerator', 'denominator'] : ['numerator']) : ['value'];
  // What the unit typed, also when it was returned and so no longer counts.
  const initial = (p: Part) => inputText(p === 'denominator' ? entry?.denominator ?? figures.denominator : entry?.numerator ?? figures.numerator);
  const [values, setValues] = useState(Object.fromEntries(parts.map(p => [p, initial(p)])) as Record<Part, string>);
  const [errors, setErrors] = useState<Partial<Record<Part, string>>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = closed || register;
  const state = entry?.state ?? figures.verification;

  async function submit(e: Event) {
    e.preventDefault();
    setMessage(null);
    // Every part is a count of persons, institutions or documents.
    const read = readNumbers(values, () => ({ whole: true, required: true }));
    setErrors(read.errors);
    if (!read.ok) return;
    setBusy(true);
    try {
      await request(RECORD, { i: { indicator: code, year, quarter, ...read.values } });
      setMessage({ ok: true, text: state === 'DIVERIFIKASI'
        ? 'Tersimpan: isian kembali berstatus Diajukan dan menunggu verifikasi ulang.' : 'Tersimpan dan diajukan.' });
      onSaved();
    } catch (err) {
      const refused = err as ApiError;
      const placed = Object.fromEntries(refused.fields
        .map(f => [f.field.replace('input.', ''), f.reason] as const)
        .filter(([field]) => (parts as string[]).includes(field)));
      setErrors(placed);
      const elsewhere = refused.fields.length === 0 || refused.fields.some(f => !(parts as string[]).includes(f.field.replace('input.', '')));
      if (elsewhere) setMessage({ ok: false, text: refused.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr data-indicator={code}>
      <th scope="row"><span class="code">{code}</span> {name}<br /><small class="muted">{rule.indicator.unit.name}</small></th>
      <td class="num" data-label="Target tahunan"><TargetFigure target={annual.target} kind={kind} warning={annual.targetWarning} /></td>
      <td class="num" data-label={`Target TW ${ROMAN[quarter - 1]}`}><TargetFigure target={figures.target} kind={kind} /></td>
      <td data-label="Realisasi">
        {register ? (
          <p class="readonly">{fmtValue(figures.value, kind)} <small>dihitung dari register layanan tahun {year}; tidak diketik</small></p>
        ) : (
          <form class="entry" onSubmit={submit} noValidate>
            {parts.map(p => (
              <NumberField id={`${code}-${p}`} label={LABEL[p]} value={values[p]} readOnly={readOnly} whole error={errors[p]}
                onInput={text => setValues({ ...values, [p]: text })} />
            ))}
            {!readOnly && <button type="submit" disabled={busy}>Ajukan</button>}
            {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
          </form>
        )}
        {entry && entry.warnings.length > 0 && (
          <ul class="warnings" data-field="warnings">{entry.warnings.map(w => <li>{w}</li>)}</ul>
        )}
        {percent && figures.value != null && <small class="muted">= {fmtValue(figures.value, kind)}</small>}
        {figures.status === 'UNDEFINED' && <small class="muted" data-field="undefined">{UNDEFINED_TEXT}</small>}
      </td>
      <td data-field="state" data-label="Status">
        {state ? <span class={`state state-${state.toLowerCase()}`}>{STATE_TEXT[state]}</span> : register ? 'dari register' : STATUS_TEXT[figures.status]}
        {state === 'DIKEMBALIKAN' && entry?.returnReason && <p class="reason">Alasan{entry.reviewedBy ? ` (${entry.reviewedBy})` : ''}: {entry.returnReason}</p>}
        {state === 'DIVERIFIKASI' && !readOnly && <p class="reason muted">Bila diubah, isian kembali berstatus Diajukan dan perlu diverifikasi ulang.</p>}
      </td>
    </tr>
  );
}
