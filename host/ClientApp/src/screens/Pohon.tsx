import { useState } from 'preact/hooks';
import { gql } from '../api';
import { bandClass, fmtDate, fmtNumber, fmtPercent, fmtValue, STATE_TEXT, STATUS_TEXT } from '../format';
import { KECAMATAN, periodLabel, periodOf, thisYear, type Period } from '../period';
import { ChartCanvas, ErrorBox, Loading, PeriodSelect, Table, useLoad, YearSelect } from '../ui';
import { Figure } from './Dasbor';

interface Node {
  indicator: { code: string; name: string; kind: string; level: string; unit: { code: string; name: string } };
  numerator: number | null; denominator: number | null; value: number | null; target: number | null;
  achievement: number | null; predicate: string | null; status: string;
  numeratorRule: string; denominatorRule: string | null; source: string | null; denominatorSource: string | null;
  verification: string | null; contributions?: Node[];
}

const FIELDS = `indicator { code name kind level unit { code name } } numerator denominator value target achievement predicate status
  numeratorRule denominatorRule source denominatorSource verification`;
const QUERY = `query($y: Int!, $q: Int, $c: Boolean) { iku(year: $y, quarter: $q, cumulative: $c) {
  ${FIELDS} contributions { ${FIELDS} contributions { ${FIELDS} contributions { ${FIELDS} } } } } }`;

const LEVEL: Record<string, string> = { IKU: 'IKU', PROGRAM: 'Program', KEGIATAN: 'Kegiatan' };
const SOURCE: Record<string, string> = { ENTERED: 'diisi unit', REGISTER: 'dihitung dari register' };

function rule(r: string | null, source: string | null) {
  if (!r) return '–';
  if (r === 'input') return source === 'REGISTER' ? 'dari register' : 'diisi';
  const [how, what] = r.split(':');
  const words: Record<string, string> = { sum: 'jumlah dari', den: 'penyebut dari', target: 'target dari', base: 'data dasar' };
  return `${words[how] ?? how} ${what?.split(',').join(', ')}`;
}

export function Pohon() {
  const [year, setYear] = useState(thisYear());
  const [key, setKey] = useState('c4');
  const period = periodOf(year, key);
  const { data, error, loading } = useLoad(
    () => gql<{ iku: Node[] }>(QUERY, { y: year, q: period.quarter, c: period.cumulative }), [year, key]);
  return (
    <section>
      <h1>Pohon kinerja</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        <PeriodSelect value={key} onChange={setKey} />
      </form>
      <p class="muted">{periodLabel(period)} · IKU → program → kegiatan; buka sebuah simpul untuk melihat perhitungannya.</p>
      <ErrorBox message={error} />
      <Loading on={loading && !data} />
      {data && <ul class="tree">{data.iku.map(n => <TreeNode node={n} period={period} open />)}</ul>}
    </section>
  );
}

function TreeNode({ node, period, open = false }: { node: Node; period: Period; open?: boolean }) {
  const [details, setDetails] = useState(false);
  const kind = node.indicator.kind;
  const counted = node.source === 'REGISTER' || node.denominatorSource === 'REGISTER';
  return (
    <li data-node={node.indicator.code}>
      <details open={open}>
        <summary>
          <span class="level">{LEVEL[node.indicator.level]}</span> <span class="code">{node.indicator.code}</span> {node.indicator.name}
          <span class="node-figure"><Figure value={node.value} status={node.status} format={n => fmtValue(n, kind)} />
            {node.predicate && <span class={`badge ${bandClass(node.predicate)}`}>{node.predicate}</span>}</span>
        </summary>
        <dl class="working-grid">
          <div><dt>Unit</dt><dd>{node.indicator.unit.name}</dd></div>
          {kind === 'PERCENT' ? <>
            <div><dt>Pembilang</dt><dd>{fmtNumber(node.numerator)} <small>({rule(node.numeratorRule, node.source)})</small></dd></div>
            <div><dt>Penyebut</dt><dd>{fmtNumber(node.denominator)} <small>({rule(node.denominatorRule, node.denominatorSource)})</small></dd></div>
          </> : <div><dt>Jumlah</dt><dd>{fmtNumber(node.numerator)} <small>({rule(node.numeratorRule, node.source)})</small></dd></div>}
          <div><dt>Target</dt><dd>{node.target == null ? 'belum ditetapkan' : fmtValue(node.target, kind)}</dd></div>
          <div><dt>Capaian</dt><dd><Figure value={node.achievement} status={node.status} format={fmtPercent} /></dd></div>
          <div><dt>Sumber</dt><dd data-field="source">{node.source ? SOURCE[node.source] : 'dihitung dari simpul di bawahnya'}
            {node.denominatorSource && <> · penyebut {SOURCE[node.denominatorSource]}</>}</dd></div>
          <div><dt>Verifikasi</dt><dd data-field="verification">{node.verification ? STATE_TEXT[node.verification] : '–'}</dd></div>
          <div><dt>Status</dt><dd>{STATUS_TEXT[node.status]}</dd></div>
        </dl>
        {counted && (
          <p><button type="button" aria-expanded={details} onClick={() => setDetails(!details)}>
            {details ? 'Tutup rincian register' : 'Rincian per kecamatan dan penerima'}</button></p>
        )}
        {details && <RegisterDetails node={node} period={period} />}
        {node.contributions && node.contributions.length > 0 && (
          <ul>{node.contributions.map(c => <TreeNode node={c} period={period} />)}</ul>
        )}
      </details>
    </li>
  );
}

interface Served { subject: string; isInstitution: boolean; kecamatan: string; lastServedOn: string; services: number }

function RegisterDetails({ node, period }: { node: Node; period: Period }) {
  const code = node.indicator.code;
  const kind = node.indicator.kind;
  const byPlace = useLoad(() => gql<Record<string, { value: number | null; numerator: number | null; denominator: number | null; status: string }>>(
    `query($i: String!, $y: Int!, $q: Int, $c: Boolean) { ${KECAMATAN.map((k, i) =>
      `k${i}: value(indicator: $i, year: $y, quarter: $q, cumulative: $c, kecamatan: "${k}") { value numerator denominator status }`).join(' ')} }`,
    { i: code, y: period.year, q: period.quarter, c: period.cumulative }), [code]);
  const served = useLoad(() => node.source === 'REGISTER'
    ? gql<{ served: Served[] }>(`query($i: String!, $y: Int!, $q: Int, $c: Boolean) {
        served(indicator: $i, year: $y, quarter: $q, cumulative: $c) { subject isInstitution kecamatan lastServedOn services } }`,
      { i: code, y: period.year, q: period.quarter, c: period.cumulative })
    : Promise.resolve(null), [code]);
  const rows = byPlace.data ? KECAMATAN.map((k, i) => ({ k, ...byPlace.data![`k${i}`] })) : [];
  return (
    <div class="register-details">
      <ErrorBox message={byPlace.error} />
      <Loading on={byPlace.loading} />
      {rows.length > 0 && <div class="split">
        <Table caption={`${code} per kecamatan`}>
          <thead><tr><th scope="col">Kecamatan</th>{kind === 'PERCENT' && <><th scope="col">Pembilang</th><th scope="col">Penyebut</th></>}<th scope="col">Nilai</th></tr></thead>
          <tbody>{rows.map(r => (
            <tr><th scope="row">{r.k}</th>{kind === 'PERCENT' && <><td class="num">{fmtNumber(r.numerator)}</td><td class="num">{fmtNumber(r.denominator)}</td></>}
              <td class="num"><Figure value={r.value} status={r.status} format={n => fmtValue(n, kind)} /></td></tr>))}</tbody>
        </Table>
        <ChartCanvas label={`${code} per kecamatan`} config={{
          type: 'bar',
          data: { labels: rows.map(r => r.k), datasets: [{ label: code, data: rows.map(r => r.value), backgroundColor: '#2b6cb0' }] },
          options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } },
            scales: { x: { beginAtZero: true, ticks: { precision: kind === 'COUNT' ? 0 : undefined } } } },
        }} />
      </div>}
      <ErrorBox message={served.error} />
      {served.data && (
        <Table caption={`Penerima layanan ${code} (${served.data.served.length})`}>
          <thead><tr><th scope="col">NIK / nomor registrasi</th><th scope="col">Jenis</th><th scope="col">Kecamatan</th>
            <th scope="col">Layanan terakhir</th><th scope="col">Jumlah layanan</th></tr></thead>
          <tbody>{served.data.served.map(s => (
            <tr><td class="mono">{s.subject}</td><td>{s.isInstitution ? 'lembaga' : 'perorangan'}</td><td>{s.kecamatan}</td>
              <td>{fmtDate(s.lastServedOn)}</td><td class="num">{fmtNumber(s.services)}</td></tr>))}</tbody>
        </Table>
      )}
    </div>
  );
}
