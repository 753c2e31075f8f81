import { useState } from 'preact/hooks';
import { gql } from '../api';
import { bandClass, fmtNumber, fmtPercent, fmtValue, STATUS_TEXT } from '../format';
import { periodLabel, periodOf, ROMAN, thisYear } from '../period';
import { ChartCanvas, ErrorBox, Loading, PeriodSelect, useLoad, YearSelect } from '../ui';

interface Iku {
  indicator: { code: string; name: string; kind: string };
  numerator: number | null; denominator: number | null; value: number | null; target: number | null;
  achievement: number | null; predicate: string | null; status: string;
}
interface Point { indicator: { code: string }; value: number | null; target: number | null; status: string }

const NOW = `query($y: Int!, $q: Int, $c: Boolean, $v: Boolean) {
  iku(year: $y, quarter: $q, cumulative: $c, verifiedOnly: $v) {
    indicator { code name kind } numerator denominator value target achievement predicate status } }`;

// The charts' four triwulan come in a request of their own, so that the figures do not wait for them.
const SERIES = `query($y: Int!, $v: Boolean) {
  ${[1, 2, 3, 4].map(q => `q${q}: iku(year: $y, quarter: ${q}, verifiedOnly: $v) { indicator { code } value target status }`).join('\n  ')}
}`;

/** A figure, or its status in words where there is none: never a blank or a 0 in its place. */
export function Figure({ value, status, format }: { value: number | null; status: string; format: (n: number) => string }) {
  if (value != null) return <span data-value={value}>{format(value)}</span>;
  return <span class="status" data-status={status}>{status === 'OK' ? 'tanpa target' : STATUS_TEXT[status] ?? status}</span>;
}

export function Dasbor() {
  const [year, setYear] = useState(thisYear());
  const [key, setKey] = useState('c4');
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const period = periodOf(year, key);
  const { data, error, loading } = useLoad(
    () => gql<{ iku: Iku[] }>(NOW, { y: year, q: period.quarter, c: period.cumulative, v: verifiedOnly }), [year, key, verifiedOnly]);
  const series = useLoad(() => gql<Record<string, Point[]>>(SERIES, { y: year, v: verifiedOnly }), [year, verifiedOnly]);

  return (
    <section>
      <h1>Dasbor IKU</h1>
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        <PeriodSelect value={key} onChange={setKey} />
        <label class="check" for="verified">
          <input id="verified" type="checkbox" checked={verifiedOnly} onChange={e => setVerifiedOnly((e.target as HTMLInputElement).checked)} />
          Hanya angka terverifikasi</label>
      </form>
      <p class="muted">{periodLabel(period)}{verifiedOnly ? ' · hanya realisasi berstatus DIVERIFIKASI' : ''}</p>
      <ErrorBox message={error ?? series.error} />
      <Loading on={loading && !data} />
      {data && (
        <div class="cards">
          {data.iku.map(iku => {
            const points = series.data && [1, 2, 3, 4].map(q => series.data![`q${q}`].find(p => p.indicator.code === iku.indicator.code)!);
            const kind = iku.indicator.kind;
            return (
              <article class="card" data-iku={iku.indicator.code} aria-labelledby={`judul-${iku.indicator.code}`}>
                <h2 id={`judul-${iku.indicator.code}`}><span class="code">{iku.indicator.code}</span> {iku.indicator.name}</h2>
                <dl class="figures">
                  <div><dt>Realisasi</dt><dd data-field="value"><Figure value={iku.value} status={iku.status} format={n => fmtValue(n, kind)} /></dd></div>
                  <div><dt>Target</dt><dd data-field="target">{iku.target == null ? <span class="status">belum ditetapkan</span>
                    : <span data-value={iku.target}>{fmtValue(iku.target, kind)}</span>}</dd></div>
                  <div><dt>Capaian</dt><dd data-field="achievement"><Figure value={iku.achievement} status={iku.status} format={fmtPercent} /></dd></div>
                  <div><dt>Predikat</dt><dd data-field="predicate">{iku.predicate
                    ? <span class={`badge ${bandClass(iku.predicate)}`}>{iku.predicate}</span>
                    : <span class="status">{iku.status === 'OK' ? 'tanpa target' : STATUS_TEXT[iku.status]}</span>}</dd></div>
                </dl>
                <p class="working">{kind === 'PERCENT'
                  ? <>Pembilang {fmtNumber(iku.numerator)} / penyebut {fmtNumber(iku.denominator)}</>
                  : <>Jumlah {fmtNumber(iku.numerator)}</>} · status: {STATUS_TEXT[iku.status]}</p>
                {!points ? <div class="chart" aria-busy="true" /> : <ChartCanvas label={`Realisasi dan target ${iku.indicator.code} per triwulan ${year}`} config={{
                  type: 'bar',
                  data: {
                    labels: ROMAN.map(r => `TW ${r}`),
                    datasets: [
                      { type: 'bar', label: 'Realisasi', data: points.map(p => p.value), backgroundColor: '#2b6cb0' },
                      { type: 'line', label: 'Target', data: points.map(p => p.target), borderColor: '#c05621', backgroundColor: '#c05621' },
                    ],
                  },
                  options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true } },
                    plugins: { tooltip: { callbacks: { label: c => `${c.dataset.label}: ${c.raw == null ? 'belum ada data' : fmtValue(c.raw as number, kind)}` } } } },
                }} />}
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}
