import { useState } from 'preact/hooks';
import { refusalAt, request, saveDownload, type Account } from '../api';
import { AGREEMENT_STATE_TEXT, fmtDate, fmtValue } from '../format';
import { graphql } from '../gql';
import type { PerjanjianQuery } from '../gql/graphql';
import { useUnitParam, useYear } from '../route';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';
import { isWithin, readableUnits, UnitSelect, type UnitNode } from '../units';

const UNITS = graphql(`query PerjanjianUnits { units { code name parent { code } } }`);
const QUERY = graphql(`query Perjanjian($y: Int!, $u: String!) {
  agreements(year: $y, unit: $u) { unit { code } revision name state date revisedOn reason
    targets { indicator { code name kind } target } }
  targets(year: $y, unit: $u) { indicator { code name kind unit { code } } annual } }`);
const ESTABLISH = graphql(`mutation EstablishAgreement($u: String!, $y: Int!, $d: String!) {
  establishAgreement(unit: $u, year: $y, date: $d) { revision name } }`);
const REVISE = graphql(`mutation ReviseAgreement($u: String!, $y: Int!, $d: String!, $r: String!) {
  reviseAgreement(unit: $u, year: $y, date: $d, reason: $r) { revision name } }`);

type Agreement = PerjanjianQuery['agreements'][number];
type Target = { indicator: { code: string; name: string; kind: string }; target: number | null | undefined };

export function Perjanjian({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const units = useLoad(() => request(UNITS).then(d => d.units), []);
  const choices = units.data ? readableUnits(account, units.data) : [];
  const [unit, setUnit] = useUnitParam(choices.map(u => u.code), account.unit ?? choices[0]?.code ?? '');
  const { data, error, loading, reload } = useLoad(() => unit ? request(QUERY, { y: year, u: unit }) : Promise.resolve(null), [year, unit]);
  const name = (code: string) => units.data?.find(u => u.code === code)?.name ?? code;
  const below = choices.filter(u => u.code !== unit && isWithin(choices, u.code, unit));
  const own = data?.agreements.filter(a => a.unit.code === unit) ?? [];
  // The verifikator of a unit strictly above, or an administrator: the server decides, and says so when it refuses.
  const keeper = account.roles.includes('admin')
    || (account.roles.includes('verifikator') && account.unit != null && account.unit !== unit && units.data != null
      && isWithin(units.data, unit, account.unit));

  return (
    <section>
      <h1>Perjanjian Kinerja</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        {choices.length > 1 && <UnitSelect id="pk-unit" units={choices} value={unit} onChange={setUnit} />}
      </form>
      <p class="muted">Perjanjian Kinerja (PK) ditandatangani kepala unit dengan atasannya pada awal tahun. Setelah ditetapkan, target tahunan unit
        terkunci; mengubahnya hanya melalui PK Perubahan yang ditetapkan lagi. Target triwulan (Rencana Aksi) tetap dapat diubah.</p>
      <ErrorBox message={units.error ?? error} />
      {/* Until the first answer of the unit: its unit is known only once the units are. */}
      <Loading on={!data && !error && !units.error && (units.loading || loading || unit !== '')} />
      {units.data && choices.length === 0 && <p>Akun Anda tidak mempunyai unit.</p>}
      {data && <>
        <h2>{name(unit)} · {year}</h2>
        {own.length === 0 && <p class="status" data-field="pk-state">PK {year} belum ditetapkan (DRAF).</p>}
        {keeper && <Keeper key={`${unit}-${year}`} unit={unit} unitName={name(unit)} year={year} latest={own[own.length - 1]} onDone={reload} />}
        {own.length === 0
          ? <Revision unit={unit} year={year} title="PK awal" state="DRAF" revision={null}
              targets={data.targets.filter(t => t.indicator.unit.code === unit).map(t => ({ indicator: t.indicator, target: t.annual }))} />
          : [...own].reverse().map(a => <Revision key={a.revision} unit={unit} year={year} title={a.name} state={a.state} revision={a.revision}
              agreement={a} targets={a.targets} />)}
        {below.length > 0 && <>
          <h2>Unit di bawahnya</h2>
          <Table caption={`Perjanjian Kinerja ${year} unit di bawah ${name(unit)}`} stacked>
            <thead><tr><th scope="col">Unit</th><th scope="col">PK terakhir</th><th scope="col">Tanggal</th><th scope="col">Tindakan</th></tr></thead>
            <tbody>{below.map(u => <BelowRow unit={u} year={year} agreements={data.agreements.filter(a => a.unit.code === u.code)}
              onOpen={() => { setUnit(u.code); scrollTo(0, 0); }} />)}</tbody>
          </Table>
        </>}
      </>}
    </section>
  );
}

function BelowRow({ unit, year, agreements, onOpen }: { unit: UnitNode; year: number; agreements: Agreement[]; onOpen: () => void }) {
  const latest = agreements[agreements.length - 1];
  return (
    <tr data-unit={unit.code}>
      <th scope="row">{unit.name}</th>
      <td data-label="PK terakhir" data-field="pk-state">{latest ? `${latest.name}: ${AGREEMENT_STATE_TEXT[latest.state]}` : `belum ditetapkan (DRAF)`}</td>
      <td data-label="Tanggal">{latest?.date ? fmtDate(latest.date) : '–'}</td>
      <td data-label="Tindakan"><button type="button" class="secondary" onClick={onOpen}>Buka PK {year} {unit.name}</button></td>
    </tr>
  );
}

/** A revision as recorded (or the draft of a unit without one): its dates, reason and targets, and its print. */
function Revision({ unit, year, title, state, revision, agreement, targets }: {
  unit: string; year: number; title: string; state: string; revision: number | null; agreement?: Agreement; targets: Target[];
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function print(format: 'pdf' | 'xlsx') {
    setBusy(true);
    setMessage(null);
    const query = new URLSearchParams({ year: String(year), unit });
    if (revision != null) query.set('revision', String(revision));
    try {
      setMessage({ ok: true, text: `${await saveDownload(`/reports/perjanjian-kinerja.${format}?${query}`)} diunduh.` });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <article class="card revision" data-revision={revision ?? 'draf'} aria-labelledby={`pk-${revision ?? 'draf'}`}>
      <h3 id={`pk-${revision ?? 'draf'}`}>{title} <span class={`state ${state === 'DITETAPKAN' ? 'state-diverifikasi' : 'state-diajukan'}`}
        data-field="state">{AGREEMENT_STATE_TEXT[state]}</span></h3>
      <dl class="working-grid">
        <div><dt>Tanggal penetapan</dt><dd data-field="date">{agreement?.date ? fmtDate(agreement.date) : 'belum ditandatangani'}</dd></div>
        {agreement?.revisedOn && <div><dt>Perubahan dibuka</dt><dd>{fmtDate(agreement.revisedOn)}</dd></div>}
        {agreement?.reason && <div class="wide"><dt>Alasan perubahan</dt><dd data-field="reason">{agreement.reason}</dd></div>}
      </dl>
      <Table caption={`Target tahunan ${title}`} stacked>
        <thead><tr><th scope="col">Indikator</th><th scope="col">Target {year}</th></tr></thead>
        <tbody>{targets.map(t => (
          <tr data-indicator={t.indicator.code}><th scope="row"><span class="code">{t.indicator.code}</span> {t.indicator.name}</th>
            <td class="num" data-label={`Target ${year}`}>{t.target == null ? <span class="status">belum ada target</span> : fmtValue(t.target, t.indicator.kind)}</td></tr>))}</tbody>
      </Table>
      <p class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => print('pdf')} aria-label={`Cetak ${title} (PDF)`}>Cetak PDF</button>
        <button type="button" class="secondary" disabled={busy} onClick={() => print('xlsx')} aria-label={`Unduh ${title} (XLSX)`}>Unduh XLSX</button>
        {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
      </p>
    </article>
  );
}

type KeeperField = 'date' | 'reason';

/**
 * Tetapkan (the latest revision is a draft, or nothing is recorded) or Buka PK Perubahan (the latest is established),
 * each asked first: establishing freezes the unit's annual targets, a Perubahan opens them again.
 */
function Keeper({ unit, unitName, year, latest, onDone }: {
  unit: string; unitName: string; year: number; latest: Agreement | undefined; onDone: () => void;
}) {
  const revise = latest?.state === 'DITETAPKAN';
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<KeeperField, string>>>({});
  const [rest, setRest] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = revise ? `PK Perubahan ke-${latest!.revision + 1}` : latest ? latest.name : 'PK awal';

  function ask(e: Event) {
    e.preventDefault();
    setDone(null);
    setRest(null);
    const own: Partial<Record<KeeperField, string>> = {};
    if (!date) own.date = 'wajib diisi: pilih tanggalnya';
    if (revise && !reason.trim()) own.reason = 'wajib diisi: tulis mengapa PK diubah';
    setErrors(own);
    setAsked(Object.keys(own).length === 0);
  }

  async function send() {
    setAsked(false);
    setBusy(true);
    try {
      if (revise) {
        const opened = await request(REVISE, { u: unit, y: year, d: date, r: reason.trim() });
        setDone(`${opened.reviseAgreement.name} dibuka: target tahunan ${unitName} dapat diubah di Target sampai perubahan ini ditetapkan.`);
      } else {
        const signed = await request(ESTABLISH, { u: unit, y: year, d: date });
        setDone(`${signed.establishAgreement.name} ${unitName} ${year} ditetapkan tanggal ${fmtDate(date)}; target tahunannya terkunci.`);
      }
      setDate('');
      setReason('');
      onDone();
    } catch (err) {
      const refused = refusalAt<KeeperField>(err, { date: 'date', reason: 'reason' });
      setErrors(refused.at);
      setRest(refused.rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card account-form" onSubmit={ask} noValidate aria-labelledby="pk-tindakan">
      <h3 id="pk-tindakan">{revise ? 'Buka PK Perubahan' : `Tetapkan ${what}`}</h3>
      <p class="muted small-note">{revise
        ? `${latest!.name} sudah ditetapkan. PK Perubahan membuka kembali target tahunan ${unitName}; capaian tetap memakai target yang ditetapkan sampai perubahan ditetapkan.`
        : `Catat tanggal PK ditandatangani. Sejak itu target tahunan ${unitName} ${year} terkunci.`}</p>
      <div class="fields">
        <div class="field"><label for="pk-tanggal">{revise ? 'Tanggal perubahan' : 'Tanggal penandatanganan'}</label>
          <input id="pk-tanggal" type="date" value={date} aria-invalid={errors.date ? 'true' : undefined}
            aria-describedby={`pk-tanggal-note${errors.date ? ' pk-tanggal-error' : ''}`} onInput={e => setDate((e.target as HTMLInputElement).value)} />
          {/* The field shows the date as the browser's language writes it: said again here the Indonesian way. */}
          <span class="field-note" id="pk-tanggal-note">{date ? fmtDate(date) : 'belum dipilih'}</span>
          {errors.date && <span class="field-error" id="pk-tanggal-error" role="alert">{errors.date}</span>}
        </div>
        {revise && <div class="field wide-field"><label for="pk-alasan">Alasan perubahan</label>
          <textarea id="pk-alasan" rows={2} value={reason} aria-invalid={errors.reason ? 'true' : undefined}
            aria-describedby={errors.reason ? 'pk-alasan-error' : undefined} onInput={e => setReason((e.target as HTMLTextAreaElement).value)} />
          {errors.reason && <span class="field-error" id="pk-alasan-error" role="alert">{errors.reason}</span>}
        </div>}
      </div>
      {asked ? (
        <div class="confirm" role="alertdialog" aria-labelledby="pk-konfirmasi-judul" aria-describedby="pk-konfirmasi-isi">
          <h3 id="pk-konfirmasi-judul">{revise ? `Buka PK Perubahan ${unitName} ${year}?` : `Tetapkan ${what} ${unitName} ${year}?`}</h3>
          <p id="pk-konfirmasi-isi">{revise
            ? `PK Perubahan ke-${latest!.revision + 1} dibuka tanggal ${fmtDate(date)} dengan alasan "${reason.trim()}". Target tahunan ${unitName} ${year} `
              + `dapat diubah lagi; capaian tetap diukur dengan target ${latest!.name} sampai perubahan ini ditetapkan.`
            : `${what} dicatat ditandatangani tanggal ${fmtDate(date)}. Target tahunan ${unitName} ${year} dibekukan seperti tertulis sekarang, `
              + `dan hanya dapat diubah melalui PK Perubahan.`}</p>
          <p class="actions">
            <button type="button" onClick={send}>{revise ? 'Ya, buka PK Perubahan' : `Ya, tetapkan ${what}`}</button>
            <button type="button" class="secondary" onClick={() => setAsked(false)}>Batal</button>
          </p>
        </div>
      ) : <p class="actions"><button type="submit" disabled={busy}>{busy ? 'Mengirim…' : revise ? 'Buka PK Perubahan' : 'Tetapkan'}</button></p>}
      <ErrorBox message={rest} />
      {done && <p class="ok" role="status">{done}</p>}
    </form>
  );
}
