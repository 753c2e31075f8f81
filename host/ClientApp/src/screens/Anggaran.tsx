// Anggaran and the Renstra on one screen rather than two: both are copied by the unit's operator from a planning document
// of the unit (the DPA, the Renstra) a few times a year, for the same indicators, and both are printed beside the figures
// in the Pengukuran Kinerja; one menu entry less also keeps the menu short on a phone.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { refusalAt, request, saveDownload, sendEach, type Account, type ApiError } from '../api';
import { fmtPercent, fmtRupiah, fmtValue } from '../format';
import { graphql } from '../gql';
import type { AnggaranQuery, AnggaranSetupQuery } from '../gql/graphql';
import { inputText, parseNumber } from '../parse';
import { ROMAN } from '../period';
import { useUnitParam, useYear } from '../route';
import { ErrorBox, Loading, NumberField, readNumbers, Table, TextField, useLoad, YearSelect } from '../ui';
import { isWithin, readableUnits, UnitSelect } from '../units';

const SETUP = graphql(`query AnggaranSetup($y: Int!) { units { code name parent { code } }
  indicators { code name kind unit { code } } quarters(year: $y) { quarter closed } }`);
const QUERY = graphql(`query Anggaran($y: Int!, $u: String!) {
  budgetLines(year: $y, unit: $u) { unit { code name } code name pagu indicators { code name } realizations realized serapan warning }
  renstraTargets(year: $y, unit: $u) { indicator { code } fromYear toYear target } }`);
const SET_LINE = graphql(`mutation SetBudgetLine($i: BudgetLineInput!) { setBudgetLine(input: $i) { code } }`);
const RECORD = graphql(`mutation RecordBudgetRealization($i: BudgetRealizationInput!) { recordBudgetRealization(input: $i) { code } }`);
const REMOVE = graphql(`mutation RemoveBudgetLine($u: String!, $y: Int!, $c: String!) { removeBudgetLine(unit: $u, year: $y, code: $c) { code } }`);
const IMPORT = graphql(`mutation ImportBudget($u: String!, $y: Int!, $f: String!, $c: String!) {
  importBudget(unit: $u, year: $y, fileName: $f, contentBase64: $c) { added changed unchanged } }`);
const SET_RENSTRA = graphql(`mutation SetRenstraTarget($i: String!, $f: Int!, $t: Int!, $v: Float!) {
  setRenstraTarget(indicator: $i, fromYear: $f, toYear: $t, target: $v) { target } }`);

type Line = AnggaranQuery['budgetLines'][number];
type Renstra = AnggaranQuery['renstraTargets'][number];
type Indicator = AnggaranSetupQuery['indicators'][number];
type Quarter = 'q1' | 'q2' | 'q3' | 'q4';
const QUARTERS: Quarter[] = ['q1', 'q2', 'q3', 'q4'];
const TW = (q: Quarter) => `TW ${ROMAN[Number(q.slice(1)) - 1]}`;

export function Anggaran({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const setup = useLoad(() => request(SETUP, { y: year }), [year]);
  const choices = setup.data ? readableUnits(account, setup.data.units) : [];
  const [unit, setUnit] = useUnitParam(choices.map(u => u.code), account.unit ?? choices[0]?.code ?? '');
  const { data, error, loading, reload } = useLoad(() => unit ? request(QUERY, { y: year, u: unit }) : Promise.resolve(null), [year, unit]);
  const units = setup.data?.units ?? [];
  const indicators = setup.data?.indicators.filter(i => unit && isWithin(units, i.unit.code, unit)) ?? [];
  const closed = new Set(setup.data?.quarters.filter(q => q.closed).map(q => q.quarter));
  const [open, setOpen] = useState<{ code: string; kind: 'edit' | 'remove' } | { code: string; kind: 'done'; text: string } | null>(null);
  useEffect(() => setOpen(null), [year, unit]);

  return (
    <section>
      <h1>Anggaran dan Renstra</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        {choices.length > 1 && <UnitSelect id="anggaran-unit" units={choices} value={unit} onChange={setUnit} />}
      </form>
      <p class="muted">Baris anggaran seperti tertulis di DPA: pagu, indikator yang didukung, dan realisasi setiap triwulan dalam rupiah.
        Angka ditulis cara Indonesia: 150.000.000 (titik pemisah ribuan), 2,5 (koma desimal).</p>
      <ErrorBox message={setup.error ?? error} />
      {/* Until the first answer of the unit: its unit is known only once the units are. */}
      <Loading on={!data && !error && !setup.error && (setup.loading || loading || unit !== '')} />
      {data && setup.data && <>
        <h2>Baris anggaran (DPA) {year}</h2>
        {data.budgetLines.length === 0 ? <p>Belum ada baris anggaran tahun {year}.</p> : (
          <Table caption={`Anggaran ${year}`} stacked>
            <thead><tr><th scope="col">Kode dan nama</th><th scope="col">Pagu</th><th scope="col">Realisasi per triwulan</th>
              <th scope="col">Realisasi dan serapan</th><th scope="col">Tindakan</th></tr></thead>
            <tbody>{data.budgetLines.map(l => {
              const here = open?.code === l.code ? open : null;
              const toggle = (kind: 'edit' | 'remove') => setOpen(here?.kind === kind ? null : { code: l.code, kind });
              return <Fragment key={`${l.code}-${year}`}>
                <LineRow line={l} year={year} closed={closed} shownUnit={unit} onSaved={reload}
                  editing={here?.kind === 'edit'} removing={here?.kind === 'remove'} onEdit={() => toggle('edit')} onRemove={() => toggle('remove')} />
                {here && (
                  <tr class="panel" data-panel={l.code}><td colSpan={5}>
                    {here.kind === 'done' && <p class="ok" role="status">{here.text}</p>}
                    {here.kind === 'edit' && <LineForm unit={l.unit.code} year={year} line={l}
                      indicators={indicators.filter(i => isWithin(units, i.unit.code, l.unit.code))}
                      onCancel={() => setOpen(null)} onSaved={text => { setOpen({ code: l.code, kind: 'done', text }); reload(); }} />}
                    {here.kind === 'remove' && <RemoveConfirm line={l} year={year} onCancel={() => setOpen(null)}
                      onRemoved={() => { setOpen(null); reload(); }} />}
                  </td></tr>
                )}
              </Fragment>;
            })}</tbody>
          </Table>
        )}
        <LineForm key={`${unit}-${year}`} unit={unit} year={year} indicators={indicators} onSaved={() => reload()} />
        <Workbook key={`berkas-${unit}-${year}`} unit={unit} year={year} onImported={reload} />

        <h2>Target Renstra</h2>
        <p class="muted">Target akhir Renstra: angka yang ditulis Renstra untuk tahun terakhirnya. Satu periode Renstra untuk setiap indikator;
          periode yang sama diubah, periode yang beririsan ditolak.</p>
        {indicators.length === 0 ? <p>Tidak ada indikator unit ini.</p> : (
          <Table caption={`Target Renstra yang berlaku tahun ${year}`} stacked>
            <thead><tr><th scope="col">Indikator</th><th scope="col">Target Renstra</th></tr></thead>
            <tbody>{indicators.map(i => (
              <RenstraRow key={`${i.code}-${year}`} indicator={i} year={year} renstra={data.renstraTargets.find(r => r.indicator.code === i.code)}
                onSaved={reload} />))}</tbody>
          </Table>
        )}
      </>}
    </section>
  );
}

function LineRow({ line, year, closed, shownUnit, onSaved, editing, removing, onEdit, onRemove }: {
  line: Line; year: number; closed: Set<number>; shownUnit: string; onSaved: () => void;
  editing: boolean; removing: boolean; onEdit: () => void; onRemove: () => void;
}) {
  const amount = (q: Quarter) => line.realizations[Number(q.slice(1)) - 1] ?? null;
  const stored = () => Object.fromEntries(QUARTERS.map(q => [q, inputText(amount(q))])) as Record<Quarter, string>;
  const [texts, setTexts] = useState(stored);
  // What the server holds after a save replaces what was typed.
  useEffect(() => setTexts(stored()), [line.realizations.join()]);
  const [errors, setErrors] = useState<Partial<Record<Quarter, string>>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = (q: Quarter) => closed.has(Number(q.slice(1)));

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    const read = readNumbers(texts, () => ({}));
    // No mutation empties a triwulan: a recorded one is changed, never removed.
    for (const q of QUARTERS) {
      if (read.ok && read.values[q] == null && amount(q) != null) read.errors[q] = 'realisasi yang sudah dicatat tidak dapat dikosongkan; tulis 0 bila tidak ada belanja';
    }
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) return;
    const changed = QUARTERS.filter(q => !readOnly(q) && read.values[q] != null && read.values[q] !== amount(q));
    if (changed.length === 0) return setMessage({ ok: true, text: 'Tidak ada yang berubah.' });
    setBusy(true);
    const refused = await sendEach(changed, q => request(RECORD, {
      i: { unit: line.unit.code, year, code: line.code, quarter: Number(q.slice(1)), amount: read.values[q]! } }));
    setErrors(refused.at);
    setMessage(refused.rest ? { ok: false, text: refused.rest } : refused.stored ? { ok: true, text: 'Tersimpan.' } : null);
    onSaved();
    setBusy(false);
  }

  const id = `anggaran-${line.code}`;
  return (
    <tr data-line={line.code}>
      <th scope="row"><span class="code">{line.code}</span> {line.name}
        {line.unit.code !== shownUnit && <><br /><small class="muted plain">{line.unit.name}</small></>}
        <br /><small class="muted plain" data-field="indicators">{line.indicators.length === 0 ? 'belum mendukung indikator'
          : `Indikator: ${line.indicators.map(i => `${i.code} ${i.name}`).join('; ')}`}</small></th>
      <td class="num" data-label="Pagu" data-field="pagu">{fmtRupiah(line.pagu)}</td>
      <td data-label="Realisasi per triwulan">
        <form class="entry rupiah" onSubmit={save} noValidate>
          {QUARTERS.map(q => (
            <NumberField id={`${id}-${q}`} label={TW(q)} value={texts[q]} readOnly={readOnly(q)} error={errors[q]}
              onInput={text => setTexts({ ...texts, [q]: text })} />
          ))}
          <button type="submit" disabled={busy}>Simpan</button>
          {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
        </form>
        {QUARTERS.some(readOnly) && <small class="muted">Triwulan yang sudah ditutup hanya dapat dibaca ({
          QUARTERS.filter(readOnly).map(TW).join(', ')}).</small>}
      </td>
      <td class="num" data-label="Realisasi dan serapan">
        <span data-field="realized">{line.realized == null ? 'belum ada realisasi' : fmtRupiah(line.realized)}</span>
        <br /><span>serapan <b data-field="serapan">{fmtPercent(line.serapan)}</b></span>
        {line.warning && <span class="warning" data-field="budget-warning">{line.warning}</span>}
      </td>
      <td data-label="Tindakan"><div class="actions">
        <button type="button" class="secondary" aria-expanded={editing} onClick={onEdit} aria-label={`Ubah baris ${line.code}`}>Ubah</button>
        <button type="button" class="secondary" aria-expanded={removing} onClick={onRemove} aria-label={`Hapus baris ${line.code}`}>Hapus</button>
      </div></td>
    </tr>
  );
}

type LineField = 'code' | 'name' | 'pagu' | 'indicators';

/** A new line of the unit, or a line's name, pagu and indicators changed (its code names it, and stays). */
function LineForm({ unit, year, line, indicators, onSaved, onCancel }: {
  unit: string; year: number; line?: Line; indicators: Indicator[]; onSaved: (text: string) => void; onCancel?: () => void;
}) {
  const empty = { code: '', name: '', pagu: '', indicators: [] as string[] };
  const initial = line ? { code: line.code, name: line.name, pagu: inputText(line.pagu), indicators: line.indicators.map(i => i.code) } : empty;
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<LineField, string>>>({});
  const [rest, setRest] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = line ? `ubah-${line.code}` : 'baris-baru';

  async function submit(e: Event) {
    e.preventDefault();
    setRest(null);
    setDone(null);
    const pagu = parseNumber(form.pagu, { required: true });
    setErrors(pagu.ok ? {} : { pagu: pagu.error });
    if (!pagu.ok) return;
    setBusy(true);
    // In the order of the list, so that a refusal of input.indicators[i] names a checkbox that is there.
    const chosen = indicators.map(i => i.code).filter(c => form.indicators.includes(c));
    try {
      await request(SET_LINE, { i: { unit, year, code: form.code.trim(), name: form.name.trim(), pagu: pagu.value!, indicators: chosen } });
      const text = line ? `Baris ${line.code} diubah.` : `Baris ${form.code.trim()} ditambahkan.`;
      if (!line) {
        setForm(empty);
        setDone(text);
      }
      onSaved(text);
    } catch (err) {
      const fields: Record<string, LineField> = { 'input.code': 'code', 'input.name': 'name', 'input.pagu': 'pagu', 'input.indicators': 'indicators' };
      chosen.forEach((_, n) => { fields[`input.indicators[${n}]`] = 'indicators'; });
      const refused = refusalAt<LineField>(err, fields);
      setErrors(refused.at);
      setRest(refused.rest);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (code: string, on: boolean) => setForm({ ...form, indicators: on ? [...form.indicators, code] : form.indicators.filter(c => c !== code) });
  return (
    <form class={line ? 'account-form rupiah' : 'card account-form rupiah'} onSubmit={submit} noValidate aria-labelledby={`${id}-judul`}>
      <h3 id={`${id}-judul`}>{line ? `Ubah baris ${line.code}` : 'Tambah baris anggaran'}</h3>
      <div class="fields">
        <TextField id={`${id}-kode`} label="Kode (seperti di DPA)" value={form.code} readOnly={line != null} error={errors.code}
          note={line ? 'Kode menandai baris dan tidak diubah.' : 'Misalnya 1.06.02.2.01'} onInput={v => setForm({ ...form, code: v })} />
        <TextField id={`${id}-nama`} label="Nama program, kegiatan atau sub-kegiatan" value={form.name} error={errors.name}
          onInput={v => setForm({ ...form, name: v })} />
        <NumberField id={`${id}-pagu`} label="Pagu (Rp)" value={form.pagu} error={errors.pagu} onInput={v => setForm({ ...form, pagu: v })} />
      </div>
      <fieldset class="roles" aria-describedby={errors.indicators ? `${id}-indikator-error` : undefined}>
        <legend>Indikator yang didukung</legend>
        <div class="choices">{indicators.map(i => (
          <label class="check"><input type="checkbox" checked={form.indicators.includes(i.code)}
            onChange={e => toggle(i.code, (e.target as HTMLInputElement).checked)} /><span><span class="code">{i.code}</span> {i.name}</span></label>
        ))}</div>
        {errors.indicators && <span class="field-error" id={`${id}-indikator-error`} role="alert">{errors.indicators}</span>}
      </fieldset>
      <ErrorBox message={rest} />
      <p class="actions">
        <button type="submit" disabled={busy}>{busy ? 'Menyimpan…' : line ? 'Simpan perubahan' : 'Tambah baris'}</button>
        {onCancel && <button type="button" class="secondary" onClick={onCancel}>Batal</button>}
        {done && <span class="ok" role="status">{done}</span>}
      </p>
    </form>
  );
}

function RemoveConfirm({ line, year, onCancel, onRemoved }: { line: Line; year: number; onCancel: () => void; onRemoved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    setError(null);
    try {
      await request(REMOVE, { u: line.unit.code, y: year, c: line.code });
      onRemoved();
    } catch (err) {
      setError(refusalAt(err, {}).rest);
    }
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={`hapus-${line.code}-judul`} aria-describedby={`hapus-${line.code}-isi`}>
      <h3 id={`hapus-${line.code}-judul`}>Hapus baris {line.code}?</h3>
      <p id={`hapus-${line.code}-isi`}>Baris "{line.name}" dengan pagu {fmtRupiah(line.pagu)} dihapus bersama realisasinya
        {line.realized != null ? ` (${fmtRupiah(line.realized)})` : ''}. Hapus hanya baris yang salah dicatat; baris yang realisasinya ada di triwulan
        yang sudah ditutup tidak dapat dihapus.</p>
      <ErrorBox message={error} />
      <p class="actions">
        <button type="button" onClick={remove}>Ya, hapus baris {line.code}</button>
        <button type="button" class="secondary" onClick={onCancel}>Batal</button>
      </p>
    </div>
  );
}

type RenstraField = 'fromYear' | 'toYear' | 'target';

function RenstraRow({ indicator, year, renstra, onSaved }: { indicator: Indicator; year: number; renstra: Renstra | undefined; onSaved: () => void }) {
  const initial = () => ({
    fromYear: String(renstra?.fromYear ?? year), toYear: String(renstra?.toYear ?? year + 4), target: inputText(renstra?.target),
  });
  const [form, setForm] = useState(initial);
  useEffect(() => setForm(initial()), [renstra?.fromYear, renstra?.toYear, renstra?.target]);
  const [errors, setErrors] = useState<Partial<Record<RenstraField, string>>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const id = `renstra-${indicator.code}`;

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    const own: Partial<Record<RenstraField, string>> = {};
    for (const f of ['fromYear', 'toYear'] as const) {
      if (!/^\d{4}$/.test(form[f].trim())) own[f] = 'tulis tahun dengan empat angka, misalnya 2025';
    }
    const target = parseNumber(form.target, { required: true });
    if (!target.ok) own.target = target.error;
    setErrors(own);
    if (Object.keys(own).length > 0 || !target.ok) return;
    try {
      await request(SET_RENSTRA, { i: indicator.code, f: Number(form.fromYear), t: Number(form.toYear), v: target.value! });
      setMessage({ ok: true, text: 'Tersimpan.' });
      onSaved();
    } catch (err) {
      const refused = refusalAt<RenstraField>(err, { fromYear: 'fromYear', toYear: 'toYear', target: 'target' });
      setErrors(refused.at);
      if (refused.rest) setMessage({ ok: false, text: refused.rest });
    }
  }

  return (
    <tr data-renstra={indicator.code}>
      <th scope="row"><span class="code">{indicator.code}</span> {indicator.name}<br />
        <small class="muted plain" data-field="renstra">{renstra
          ? `Renstra ${renstra.fromYear}–${renstra.toYear}: target akhir ${fmtValue(renstra.target, indicator.kind)}`
          : `belum ada target Renstra yang berlaku tahun ${year}`}</small></th>
      <td data-label="Target Renstra">
        <form class="entry" onSubmit={save} noValidate>
          <TextField id={`${id}-dari`} label="Tahun awal" value={form.fromYear} error={errors.fromYear} onInput={v => setForm({ ...form, fromYear: v })} />
          <TextField id={`${id}-sampai`} label="Tahun akhir" value={form.toYear} error={errors.toYear} onInput={v => setForm({ ...form, toYear: v })} />
          <NumberField id={`${id}-target`} label={`Target akhir${indicator.kind === 'PERCENT' ? ' (%)' : ''}`} value={form.target} error={errors.target}
            onInput={v => setForm({ ...form, target: v })} />
          <button type="submit">Simpan</button>
          {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
        </form>
      </td>
    </tr>
  );
}

// The DPA kept in Excel: the unit's lines downloaded as the workbook importBudget takes, edited, and sent back whole.
function Workbook({ unit, year, onImported }: { unit: string; year: number; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);

  async function get() {
    setRefusals([]);
    try {
      setMessage(`${await saveDownload(`/reports/anggaran.xlsx?${new URLSearchParams({ year: String(year), unit })}`)} diunduh.`);
    } catch (err) {
      setRefusals([(err as Error).message]);
    }
  }

  async function send(e: Event) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setRefusals([]);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const done = (await request(IMPORT, { u: unit, y: year, f: file.name, c: btoa(binary) })).importBudget;
      setMessage(`Berkas diimpor: ${done.added} baris baru, ${done.changed} diubah, ${done.unchanged} tetap.`);
      onImported();
    } catch (err) {
      const refused = err as ApiError;
      // One refused row stores nothing: every reason is listed, by row and column.
      setRefusals(refused.fields?.length ? refused.fields.map(f => f.reason) : [refused.message]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-form="anggaran-berkas">
      <h3>Lembar kerja DPA (Excel)</h3>
      <p class="muted">Unduh baris anggaran unit ini sebagai lembar kerja (Kode, Nama, Pagu, Indikator, Realisasi TW I-IV), isi di Excel,
        lalu impor kembali. Semua baris diperiksa: satu baris yang ditolak berarti tidak ada yang disimpan.</p>
      <form class="upload" onSubmit={send}>
      <button type="button" onClick={get}>Unduh lembar kerja</button>
      <div class="field"><label for="anggaran-berkas">Berkas XLSX</label>
        <input id="anggaran-berkas" type="file" accept=".xlsx,.csv" onChange={e => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} /></div>
      <button type="submit" disabled={busy || !file}>{busy ? 'Mengimpor…' : 'Impor'}</button>
      {message && <p class="ok" role="status">{message}</p>}
      </form>
      {refusals.length > 0 && <div class="error" role="alert"><p>Berkas ditolak, tidak ada yang disimpan:</p>
        <ul>{refusals.map(r => <li>{r.replace(/^file: /, '')}</li>)}</ul></div>}
    </div>
  );
}
