import { useState } from 'preact/hooks';
import { ApiError, request, type Account } from '../api';
import { fmtDateTime } from '../format';
import { graphql } from '../gql';
import type { AnalysesQuery, OfficialsQuery } from '../gql/graphql';
import { useYear } from '../route';
import { ErrorBox, Loading, Table, useLoad, YearSelect } from '../ui';
import { unitsOf } from './Isian';

const OFFICIALS = graphql(`query Officials($y: Int!) { officials(year: $y) { position nama jabatan pangkat nip } }`);
const SET_OFFICIAL = graphql(`mutation SetOfficial($i: OfficialInput!) { setOfficial(input: $i) { nama } }`);
const ANALYSES = graphql(`query Analyses($y: Int!) { units { code name parent { code } } indicators { code name unit { code name } }
  analyses(year: $y) { indicator faktorPendukung faktorPenghambat upayaTindakLanjut changedBy changedAt } }`);
const SET_ANALYSIS = graphql(`mutation SetAnalysis($i: AnalysisInput!) { setAnalysis(input: $i) { changedAt } }`);

type Official = OfficialsQuery['officials'][number];
type Analysis = AnalysesQuery['analyses'][number];
type Indicator = AnalysesQuery['indicators'][number];

/** The server's refusals of a form, each at the field it names (input.nama → nama); the rest in one message. */
function placed(e: unknown, fields: string[]) {
  const refused = e as ApiError;
  const at: Record<string, string> = {};
  for (const f of refused.fields) {
    const name = f.field.replace('input.', '');
    if (fields.includes(name)) at[name] = f.reason;
  }
  const rest = refused.fields.length === 0 || refused.fields.some(f => !fields.includes(f.field.replace('input.', ''))) ? refused.message : null;
  return { at, rest };
}

export function Pejabat({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const admin = account.roles.includes('admin');
  return (
    <section>
      <h1>Pejabat dan analisis</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}><YearSelect value={year} onChange={setYear} /></form>
      <p class="muted">Nama pejabat dicetak pada tanda tangan Perjanjian Kinerja; analisis setiap indikator dicetak pada Pengukuran Kinerja.</p>
      {/* Each comes first for whoever keeps it: the officials for an administrator, the analyses for a unit. */}
      {admin ? <><Officials year={year} admin /><Analyses year={year} account={account} /></>
        : <><Analyses year={year} account={account} /><Officials year={year} admin={false} /></>}
    </section>
  );
}

function Officials({ year, admin }: { year: number; admin: boolean }) {
  const { data, error, loading, reload } = useLoad(() => request(OFFICIALS, { y: year }), [year]);
  return (
    <>
      <h2>Pejabat {year}</h2>
      {!admin && <p class="muted">Hanya administrator yang dapat mengubah data pejabat.</p>}
      <ErrorBox message={error} />
      <Loading on={loading && !data} />
      {data && (
        <Table caption={`Pemegang jabatan ${year}`} stacked={admin}>
          <thead><tr><th scope="col">Jabatan</th><th scope="col">Nama</th><th scope="col">Pangkat dan golongan</th><th scope="col">NIP</th>
            {admin && <th scope="col">Tindakan</th>}</tr></thead>
          <tbody>{data.officials.map(o => admin
            ? <OfficialRow key={`${o.position}-${year}`} official={o} year={year} onSaved={reload} />
            : (
              <tr data-position={o.position}><th scope="row">{o.jabatan}</th><td data-label="Nama">{o.nama ?? <span class="status">belum ditetapkan</span>}</td>
                <td data-label="Pangkat dan golongan">{o.pangkat ?? '–'}</td><td data-label="NIP">{o.nip ?? '–'}</td></tr>
            ))}</tbody>
        </Table>
      )}
    </>
  );
}

function OfficialRow({ official, year, onSaved }: { official: Official; year: number; onSaved: () => void }) {
  const [form, setForm] = useState({ nama: official.nama ?? '', pangkat: official.pangkat ?? '', nip: official.nip ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const id = (f: string) => `pejabat-${official.position}-${f}`;

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    const nip = form.nip.replace(/\s/g, '');
    const local: Record<string, string> = {};
    if (form.nama.trim() === '') local.nama = 'wajib diisi';
    if (nip !== '' && !/^\d{18}$/.test(nip)) local.nip = 'NIP terdiri dari 18 angka';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await request(SET_OFFICIAL, { i: {
        position: official.position, year, nama: form.nama.trim(), pangkat: form.pangkat.trim() || null, nip: nip || null } });
      setMessage({ ok: true, text: 'Tersimpan.' });
      onSaved();
    } catch (err) {
      const { at, rest } = placed(err, ['nama', 'pangkat', 'nip']);
      setErrors(at);
      if (rest) setMessage({ ok: false, text: rest });
    }
  }
  const input = (f: 'nama' | 'pangkat' | 'nip', label: string) => (
    <div class="field"><label class="sr-only" for={id(f)}>{label} {official.jabatan}</label>
      <input id={id(f)} form={`form-${official.position}`} value={form[f]} inputMode={f === 'nip' ? 'numeric' : undefined}
        aria-invalid={errors[f] ? 'true' : undefined} aria-describedby={errors[f] ? `${id(f)}-error` : undefined}
        onInput={e => setForm({ ...form, [f]: (e.target as HTMLInputElement).value })} />
      {errors[f] && <span class="field-error" id={`${id(f)}-error`} role="alert">{errors[f]}</span>}
    </div>
  );
  return (
    <tr data-position={official.position}>
      <th scope="row">{official.jabatan}</th>
      <td data-label="Nama">{input('nama', 'Nama')}</td>
      <td data-label="Pangkat dan golongan">{input('pangkat', 'Pangkat dan golongan')}</td>
      <td data-label="NIP">{input('nip', 'NIP')}</td>
      <td data-label="Tindakan">
        <form id={`form-${official.position}`} class="actions" onSubmit={save} noValidate>
          <button type="submit">Simpan</button>
          {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}
        </form>
      </td>
    </tr>
  );
}

function Analyses({ year, account }: { year: number; account: Account }) {
  const { data, error, loading, reload } = useLoad(() => request(ANALYSES, { y: year }), [year]);
  const mine = data ? new Set(unitsOf(account, data.units).map(u => u.code)) : new Set<string>();
  const indicators = data?.indicators.filter(i => mine.has(i.unit.code)) ?? [];
  return (
    <>
      <h2>Analisis {year}</h2>
      <p class="muted">Faktor pendukung, faktor penghambat dan upaya tindak lanjut setiap indikator unit Anda. Buka sebuah indikator untuk mengisinya.</p>
      <ErrorBox message={error} />
      <Loading on={loading && !data} />
      {data && indicators.length === 0 && <p>Tidak ada indikator unit Anda.</p>}
      {data && <ul class="analyses">{indicators.map(i => (
        <AnalysisForm key={`${i.code}-${year}`} indicator={i} year={year} analysis={data.analyses.find(a => a.indicator === i.code)} onSaved={reload} />
      ))}</ul>}
    </>
  );
}

const ANALYSIS_FIELDS = [
  { key: 'faktorPendukung', label: 'Faktor pendukung' },
  { key: 'faktorPenghambat', label: 'Faktor penghambat' },
  { key: 'upayaTindakLanjut', label: 'Upaya tindak lanjut' },
] as const;
type AnalysisField = typeof ANALYSIS_FIELDS[number]['key'];

function AnalysisForm({ indicator, year, analysis, onSaved }: { indicator: Indicator; year: number; analysis: Analysis | undefined; onSaved: () => void }) {
  const [form, setForm] = useState<Record<AnalysisField, string>>({
    faktorPendukung: analysis?.faktorPendukung ?? '', faktorPenghambat: analysis?.faktorPenghambat ?? '', upayaTindakLanjut: analysis?.upayaTindakLanjut ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    setMessage(null);
    setErrors({});
    try {
      await request(SET_ANALYSIS, { i: {
        indicator: indicator.code, year, ...Object.fromEntries(ANALYSIS_FIELDS.map(f => [f.key, form[f.key].trim() || null])) } });
      setMessage({ ok: true, text: 'Tersimpan.' });
      onSaved();
    } catch (err) {
      const { at, rest } = placed(err, ANALYSIS_FIELDS.map(f => f.key));
      setErrors(at);
      if (rest) setMessage({ ok: false, text: rest });
    }
  }
  return (
    <li data-analysis={indicator.code}>
      <details>
        <summary><span class="code">{indicator.code}</span> {indicator.name} <small class="muted">· {indicator.unit.name} · {analysis
          ? `diisi ${analysis.changedBy ?? ''} ${fmtDateTime(analysis.changedAt)}` : 'belum diisi'}</small></summary>
        <form class="stack wide" onSubmit={save} noValidate>
          {ANALYSIS_FIELDS.map(f => {
            const id = `${f.key}-${indicator.code}`;
            return (
              <div class="field"><label for={id}>{f.label}</label>
                <textarea id={id} rows={3} value={form[f.key]} aria-invalid={errors[f.key] ? 'true' : undefined}
                  onInput={e => setForm({ ...form, [f.key]: (e.target as HTMLTextAreaElement).value })} />
                {errors[f.key] && <span class="field-error" role="alert">{errors[f.key]}</span>}
              </div>
            );
          })}
          <p class="actions"><button type="submit">Simpan analisis</button>
            {message && <span class={message.ok ? 'ok' : 'error'} role="status">{message.text}</span>}</p>
        </form>
      </details>
    </li>
  );
}
