import { useState } from 'preact/hooks';
import { request } from '../api';
import { figuresByKecamatan } from '../byKecamatan';
import { bandClass, fmtDate, fmtNumber, fmtPercent, fmtValue, SOURCE_TEXT, STATE_TEXT, STATUS_TEXT, UNDEFINED_TEXT } from '../format';
import { graphql } from '../gql';
import type { PohonNodeFragment } from '../gql/graphql';
import { periodLabel, periodOf, type Period } from '../period';
import { usePeriodKey, useYear } from '../route';
import { ChartCanvas, ErrorBox, Loading, PeriodSelect, Table, useLoad, YearSelect } from '../ui';
import { Figure, TargetFigure } from './Dasbor';

// A node's own figures; the query below carries this fragment.
graphql(`fragment PohonNode on IndicatorValue {
  indicator { code name kind level unit { code name } } numerator denominator value target achievement predicate status
  numeratorRule denominatorRule source denominatorSource verification targetWarning }`);
const QUERY = graphql(`query Pohon($y: Int!, $q: Int, $c: Boolean) {
  iku(year: $y, quarter: $q, cumulative: $c) {
    ...PohonNode contributions { ...PohonNode contributions { ...PohonNode contributions { ...PohonNode } } } }
  baseMeasures(year: $y) { code name }
  kecamatan }`);

/** A node with the nodes below it, as deep as the query asks: the deepest have no contributions. */
type Node = PohonNodeFragment & { contributions?: Node[] };

const LEVEL: Record<string, string> = { IKU: 'IKU', PROGRAM: 'Program', KEGIATAN: 'Kegiatan' };

/** Where a part comes from, in words; the indicators it sums are the node's children, listed under it by name. */
function rule(r: string | null, source: string | null, measures: Map<string, string>) {
  if (!r) return '–';
  if (r === 'input') return source === 'REGISTER' ? 'dihitung dari register' : 'diisi unit';
  const [how, what] = r.split(':');
  if (how === 'base') return `data dasar ${measures.get(what) ?? what}${source === 'REGISTER' ? ', dihitung dari register' : ''}`;
  const words: Record<string, string> = { sum: 'jumlah realisasi', den: 'jumlah penyebut', target: 'jumlah target' };
  const count = what.split(',').length;
  return `${words[how]} ${count === 1 ? 'indikator' : `${count} indikator`} di bawahnya`;
}

/**
 * Whether a part is counted from registers all the way down: only then does it have a figure per kecamatan (a typed
 * figure or a target is the kabupaten's alone).
 */
function fromRegisters(node: Node, r: string | null, source: string | null): boolean {
  if (r == null) return true;
  if (r === 'input') return source === 'REGISTER';
  const [how, what] = r.split(':');
  if (how === 'base') return source === 'REGISTER';
  if (how !== 'sum' && how !== 'den') return false;
  return what.split(',').every(code => {
    const child = node.contributions?.find(c => c.indicator.code === code);
    return child != null && (how === 'sum'
      ? fromRegisters(child, child.numeratorRule, child.source)
      : fromRegisters(child, child.denominatorRule, child.denominatorSource));
  });
}

export function Pohon() {
  const [year, setYear] = useYear();
  const [key, setKey] = usePeriodKey('c4');
  const period = periodOf(year, key);
  const { data, error, loading } = useLoad(() => request(QUERY, { y: year, q: period.quarter, c: period.cumulative }), [year, key]);
  const measures = new Map(data?.baseMeasures.map(m => [m.code, m.name]));
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
      {data && <ul class="tree">{data.iku.map(n => <TreeNode node={n} period={period} measures={measures} kecamatan={data.kecamatan} open />)}</ul>}
    </section>
  );
}

function TreeNode({ node, period, measures, kecamatan, open = false }: {
  node: Node; period: Period; measures: Map<string, string>; kecamatan: string[]; open?: boolean;
}) {
  const [details, setDetails] = useState(false);
  const kind = node.indicator.kind;
  const counted = fromRegisters(node, node.numeratorRule, node.source) && fromRegisters(node, node.denominatorRule, node.denominatorSource);
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
            <div><dt>Pembilang</dt><dd>{fmtNumber(node.numerator)} <small>({rule(node.numeratorRule, node.source, measures)})</small></dd></div>
            <div><dt>Penyebut</dt><dd>{fmtNumber(node.denominator)} <small>({rule(node.denominatorRule, node.denominatorSource, measures)})</small></dd></div>
          </> : <div><dt>Jumlah</dt><dd>{fmtNumber(node.numerator)} <small>({rule(node.numeratorRule, node.source, measures)})</small></dd></div>}
          <div><dt>Target</dt><dd data-field="target"><TargetFigure target={node.target} kind={kind} warning={node.targetWarning} /></dd></div>
          <div><dt>Capaian</dt><dd><Figure value={node.achievement} status={node.status} format={fmtPercent} /></dd></div>
          <div><dt>Sumber</dt><dd data-field="source">{node.source ? SOURCE_TEXT[node.source] : 'dihitung dari simpul di bawahnya'}
            {node.denominatorSource && <> · penyebut {SOURCE_TEXT[node.denominatorSource]}</>}</dd></div>
          <div><dt>Verifikasi</dt><dd data-field="verification">{node.verification ? STATE_TEXT[node.verification] : '–'}</dd></div>
          <div><dt>Status</dt><dd>{node.status === 'UNDEFINED' ? UNDEFINED_TEXT : STATUS_TEXT[node.status]}</dd></div>
        </dl>
        {counted && (
          <p><button type="button" aria-expanded={details} onClick={() => setDetails(!details)}>
            {details ? 'Tutup rincian register' : 'Rincian per kecamatan dan penerima'}</button></p>
        )}
        {details && <RegisterDetails node={node} period={period} kecamatan={kecamatan} />}
        {node.contributions && node.contributions.length > 0 && (
          <ul>{node.contributions.map(c => <TreeNode node={c} period={period} measures={measures} kecamatan={kecamatan} />)}</ul>
        )}
      </details>
    </li>
  );
}

const SERVED = graphql(`query PohonServed($i: String!, $y: Int!, $q: Int, $c: Boolean) {
  served(indicator: $i, year: $y, quarter: $q, cumulative: $c) { subject isInstitution kecamatan lastServedOn services } }`);

function RegisterDetails({ node, period, kecamatan }: { node: Node; period: Period; kecamatan: string[] }) {
  const code = node.indicator.code;
  const kind = node.indicator.kind;
  const byPlace = useLoad(() => figuresByKecamatan(code, period, kecamatan), [code]);
  const served = useLoad(() => node.source === 'REGISTER'
    ? request(SERVED, { i: code, y: period.year, q: period.quarter, c: period.cumulative })
    : Promise.resolve(null), [code]);
  const rows = byPlace.data ?? [];
  return (
    <div class="register-details">
      <ErrorBox message={byPlace.error} />
      <Loading on={byPlace.loading} />
      {rows.length > 0 && <div class="split">
        <Table caption={`${code} per kecamatan`}>
          <thead><tr><th scope="col">Kecamatan</th>{kind === 'PERCENT' && <><th scope="col">Pembilang</th><th scope="col">Penyebut</th></>}<th scope="col">Nilai</th></tr></thead>
          <tbody>{rows.map(r => (
            <tr><th scope="row">{r.kecamatan}</th>{kind === 'PERCENT' && <><td class="num">{fmtNumber(r.numerator)}</td><td class="num">{fmtNumber(r.denominator)}</td></>}
              <td class="num"><Figure value={r.value} status={r.status} format={n => fmtValue(n, kind)} /></td></tr>))}</tbody>
        </Table>
        <ChartCanvas label={`${code} per kecamatan`} config={{
          type: 'bar',
          data: { labels: rows.map(r => r.kecamatan), datasets: [{ label: code, data: rows.map(r => r.value), backgroundColor: '#2b6cb0' }] },
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
