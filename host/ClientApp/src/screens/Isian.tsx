import { useState } from 'preact/hooks';
import { ApiError, gql, type Account, type FieldError } from '../api';
import { fmtDateTime, fmtValue, STATE_TEXT, STATUS_TEXT } from '../format';
import { ROMAN, thisYear } from '../period';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';

interface Unit { code: string; name: string; parent: { code: string } | null }
interface Rule { indicator: { code: string; name: string; kind: string; unit: { code: string; name: string } }; numerator: string; denominator: string | null }
interface Quarter { quarter: number; closed: boolean; changedAt: string | null }
interface Entry { indicator: { code: string }; numerator: number | null; denominator: number | null; state: string; returnReason: string | null; reviewedBy: string | null }
interface Figures { indicator: { code: string }; numerator: number | null; denominator: number | null; value: number | null; target: number | null; status: string; verification: string | null }

/** The units an account may enter for: its own and those below it (every unit for an admin). */
export function unitsOf(account: Account, units: Unit[]): Unit[] {
  if (account.roles.includes('admin') && !account.unit) return units;
  const within = (u: Unit): boolean => u.code === account.unit || (u.parent != null && within(units.find(p => p.code === u.parent!.code)!));
  return units.filter(within);
}

export function Isian({ account }: { account: Account }) {
  const [year, setYear] = useState(thisYear());
  const [quarter, setQuarter] = useState(1);
  const setup = useLoad(() => gql<{ units: Unit[]; tree: Rule[]; quarters: Quarter[]; sources: { code: string; source: string }[] }>(
    `query($y: Int!) { units { code name parent { code } }
      tree(year: $y) { indicator { code name kind unit { code name } } numerator denominator }
      quarters(year: $y) { quarter closed changedAt } sources(year: $y) { code source } }`, { y: year }), [year]);

  const mine = setup.data ? new Set(unitsOf(account, setup.data.units).map(u => u.code)) : new Set<string>();
  const rules = setup.data ? setup.data.tree.filter(r => r.numerator === 'input' && mine.has(r.indicator.unit.code)) : [];
  const codes = rules.map(r => r.indicator.code);
  const figures = useLoad(() => codes.length === 0 ? Promise.resolve(null) : gql<{ realizations: Entry[]; now: Figures[]; annual: Figures[] }>(
    `query($y: Int!, $q: Int!, $u: String) { realizations(year: $y, quarter: $q, unit: $u) { indicator { code } numerator denominator state returnReason reviewedBy }
      now: values(year: $y, quarter: $q, unit: $u) { indicator { code } numerator denominator value target status verification }
      annual: values(year: $y, unit: $u) { indicator { code } target } }`,
    { y: year, q: quarter, u: account.unit }), [year, quarter, codes.join()]);

  const state = setup.data?.quarters.find(q => q.quarter === quarter);
  const registerCodes = new Set(setup.data?.sources.filter(s => s.source === 'REGISTER').map(s => s.code));
  return (
    <section>
      <h1>Isian realisasi</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        <fieldset class="tabs"><legend>Triwulan</legend>
          {[1, 2, 3, 4].map(q => (
            <label class={q === quarter ? 'on' : ''}><input type="radio" name="triwulan" value={q} checked={q === quarter}
              onChange={() => setQuarter(q)} />TW {ROMAN[q - 1]}</label>))}
        </fieldset>
      </form>
      <p class="muted">Unit: {account.unit ?? 'semua unit'} dan unit di bawahnya.</p>
      {state?.closed && <p class="notice" role="status">Triwulan {ROMAN[quarter - 1]} {year} sudah ditutup pada {fmtDateTime(state.changedAt)}: isian hanya dapat dibaca.</p>}
      <ErrorBox message={setup.error ?? figures.error} />
      <Loading on={setup.loading || figures.loading} />
      {setup.data && rules.length === 0 && <p>Tidak ada indikator yang diisi oleh unit Anda.</p>}
      {figures.data && (
        <Table caption={`Indikator TW ${ROMAN[quarter - 1]} ${year}`}>
          <thead><tr><th scope="col">Indikator</th><th scope="col">Target tahunan</th><th scope="col">Target TW</th>
            <th scope="col">Realisasi</th><th scope="col">Status</th></tr></thead>
          <tbody>{rules.map(r => (
            <Row key={`${r.indicator.code}-${year}-${quarter}`} rule={r} year={year} quarter={quarter}
              figures={figures.data!.now.find(v => v.indicator.code === r.indicator.code)!}
              annualTarget={figures.data!.annual.find(v => v.indicator.code === r.indicator.code)!.target}
              entry={figures.data!.realizations.find(e => e.indicator.code === r.indicator.code)}
              closed={state?.closed ?? false} register={registerCodes.has(r.indicator.code)} onSaved={figures.reload} />))}</tbody>
        </Table>
      )}
    </section>
  );
}

function Row({ rule, year, quarter, figures, annualTarget, entry, closed, register, onSaved }: {
  rule: Rule; year: number; quarter: number; figures: Figures; annualTarget: number | null; entry: Entry | undefined;
  closed: boolean; register: boolean; onSaved: () => void;
}) {
  const { code, name, kind } = rule.indicator;
  const percent = kind === 'PERCENT';
  const parts = percent ? (rule.denominator === 'input' ? ['numerator', 'denominator'] : ['numerator']) : ['value'];
  // What the unit typed, also when it was returned and so no longer counts.
  const initial = (p: string) => {
    const n = p === 'denominator' ? entry?.denominator ?? figures.denominator : entry?.numerator ?? figures.numerator;
    return n == null ? '' : String(n);
  };
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(parts.map(p => [p, initial(p)])));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = closed || register;
  const label: Record<string, string> = { value: 'Jumlah', numerator: 'Pembilang', denominator: 'Penyebut' };

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors([]);
    setMessage(null);
    const input: Record<string, unknown> = { indicator: code, year, quarter };
    for (const p of parts) input[p] = values[p].trim() === '' ? null : Number(values[p].replace(/\./g, '').replace(',', '.'));
    try {
      await gql('mutation($i: RealizationInput!) { recordRealization(input: $i) { status verification } }', { i: input });
      setMessage('Tersimpan dan diajukan.');
      onSaved();
    } catch (err) {
      const e2 = err as ApiError;
      const placed = e2.fields.filter(f => parts.includes(f.field.replace('input.', '')));
      setErrors(placed);
      setMessage(placed.length === e2.fields.length && placed.length > 0 ? null : e2.message);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (p: string) => errors.find(f => f.field === `input.${p}`);
  const state = entry?.state ?? figures.verification;
  return (
    <tr data-indicator={code}>
      <th scope="row"><span class="code">{code}</span> {name}<br /><small class="muted">{rule.indicator.unit.name}</small></th>
      <td class="num">{annualTarget == null ? '–' : fmtValue(annualTarget, kind)}</td>
      <td class="num">{figures.target == null ? '–' : fmtValue(figures.target, kind)}</td>
      <td>
        {register ? (
          <p class="readonly">{fmtValue(figures.value, kind)} <small>dihitung dari register layanan (sumber REGISTER tahun {year}); tidak diketik</small></p>
        ) : (
          <form class="entry" onSubmit={submit}>
            {parts.map(p => {
              const id = `${code}-${p}`;
              const err = fieldError(p);
              return (
                <div class="field"><label for={id}>{label[p]}</label><input id={id} name={p} inputMode="decimal" value={values[p]} readOnly={readOnly} aria-invalid={err ? 'true' : undefined}
                    aria-describedby={err ? `${id}-error` : undefined}
                    onInput={ev => setValues({ ...values, [p]: (ev.target as HTMLInputElement).value })} />
                  {err && <span class="field-error" id={`${id}-error`} role="alert">{err.reason}</span>}
                </div>
              );
            })}
            {!readOnly && <button type="submit" disabled={busy}>Ajukan</button>}
            {message && <span class={errors.length || message !== 'Tersimpan dan diajukan.' ? 'error' : 'ok'} role="status">{message}</span>}
          </form>
        )}
        {percent && figures.value != null && <small class="muted">= {fmtValue(figures.value, kind)}</small>}
      </td>
      <td data-field="state">
        {state ? <span class={`state state-${state.toLowerCase()}`}>{STATE_TEXT[state]}</span> : register ? 'register' : STATUS_TEXT[figures.status]}
        {state === 'DIKEMBALIKAN' && entry?.returnReason && <p class="reason">Alasan{entry.reviewedBy ? ` (${entry.reviewedBy})` : ''}: {entry.returnReason}</p>}
      </td>
    </tr>
  );
}

