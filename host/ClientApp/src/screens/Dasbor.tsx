import { useState } from 'preact/hooks';
import { request, type Account } from '../api';
import { bandClass, fmtNumber, fmtPercent, fmtValue, READING_TEXT, STATUS_TEXT, UNDEFINED_TEXT } from '../format';
import { graphql } from '../gql';
import type { DasborNowQuery, DasborSeriesQuery } from '../gql/graphql';
import { periodLabel, periodOf, ROMAN } from '../period';
import { usePeriodKey, useYear } from '../route';
import { ChartCanvas, ErrorBox, Loading, PeriodSelect, useLoad, YearSelect } from '../ui';
import { useReturned, WaitingNotice } from './Menunggu';

type Iku = DasborNowQuery['iku'][number];

const NOW = graphql(`query DasborNow($y: Int!, $q: Int, $c: Boolean, $v: Boolean) {
  iku(year: $y, quarter: $q, cumulative: $c, verifiedOnly: $v) {
    indicator { code name kind } numerator denominator value target achievement predicate status targetWarning } }`);

// The charts' four triwulan come in a request of their own, so that the figures do not wait for them: each triwulan
// alone and through it, since an IKU's chart shows the figure its targets speak of.
const SERIES = graphql(`query DasborSeries($y: Int!, $v: Boolean) {
  q1: iku(year: $y, quarter: 1, verifiedOnly: $v) { indicator { code targetReading(year: $y) } value target status }
  q2: iku(year: $y, quarter: 2, verifiedOnly: $v) { indicator { code } value target status }
  c2: iku(year: $y, quarter: 2, cumulative: true, verifiedOnly: $v) { indicator { code } value target status }
  q3: iku(year: $y, quarter: 3, verifiedOnly: $v) { indicator { code } value target status }
  c3: iku(year: $y, quarter: 3, cumulative: true, verifiedOnly: $v) { indicator { code } value target status }
  q4: iku(year: $y, quarter: 4, verifiedOnly: $v) { indicator { code } value target status }
  c4: iku(year: $y, quarter: 4, cumulative: true, verifiedOnly: $v) { indicator { code } value target status }
}`);

/** A figure, or its status in words where there is none: never a blank or a 0 in its place. */
export function Figure({ value, status, format }: { value: number | null; status: string; format: (n: number) => string }) {
  if (value != null) return <span data-value={value}>{format(value)}</span>;
  return <span class="status" data-status={status}>{status === 'OK' ? 'tanpa target' : STATUS_TEXT[status] ?? status}</span>;
}

/** A target, or that there is none; with the server's word when the quarterly targets disagree with the year's. */
export function TargetFigure({ target, kind, warning }: { target: number | null; kind: string; warning?: string | null }) {
  return (
    <>
      {target == null ? <span class="status">belum ditetapkan</span> : <span data-value={target}>{fmtValue(target, kind)}</span>}
      {warning && <span class="warning" data-field="target-warning">{warning}</span>}
    </>
  );
}

/** A figure's working: its parts, and why there is no figure when there is none (a 0 denominator, say). */
function Working({ kind, numerator, denominator, status }: { kind: string; numerator: number | null; denominator: number | null; status: string }) {
  return (
    <>
      {kind === 'PERCENT' ? <>Pembilang {fmtNumber(numerator)} / penyebut {fmtNumber(denominator)}</> : <>Jumlah {fmtNumber(numerator)}</>}
      {status !== 'OK' && <> · {status === 'UNDEFINED' ? UNDEFINED_TEXT : STATUS_TEXT[status]}</>}
    </>
  );
}

export function Dasbor({ account }: { account: Account }) {
  const [year, setYear] = useYear();
  const [key, setKey] = usePeriodKey('c4');
  const [verifiedOnly, setVerifiedOnly] = useState(false);
  const period = periodOf(year, key);
  const { data, error, loading } = useLoad(
    () => request(NOW, { y: year, q: period.quarter, c: period.cumulative, v: verifiedOnly }), [year, key, verifiedOnly]);
  const series = useLoad(() => request(SERIES, { y: year, v: verifiedOnly }), [year, verifiedOnly]);
  const returned = useReturned(account, year);

  return (
    <section>
      <h1>Dasbor IKU</h1>
      <WaitingNotice account={account} year={year} returned={returned} />
      <form class="toolbar" onSubmit={e => e.preventDefault()}>
        <YearSelect value={year} onChange={setYear} />
        <PeriodSelect value={key} onChange={setKey} />
        <label class="check" for="verified">
          <input id="verified" type="checkbox" checked={verifiedOnly} onChange={e => setVerifiedOnly((e.target as HTMLInputElement).checked)} />
          Hanya angka terverifikasi</label>
      </form>
      <p class="muted">{periodLabel(period)}{verifiedOnly ? ' · hanya realisasi yang sudah diverifikasi' : ''}</p>
      <ErrorBox message={error ?? series.error} />
      <Loading on={loading && !data} />
      {data && (
        <div class="cards">
          {data.iku.map(iku => <Card iku={iku} year={year} series={series.data} />)}
        </div>
      )}
    </section>
  );
}

function Card({ iku, year, series }: { iku: Iku; year: number; series: DasborSeriesQuery | null }) {
  const code = iku.indicator.code;
  const kind = iku.indicator.kind;
  const reading = series?.q1.find(p => p.indicator.code === code)!.indicator.targetReading;
  // A target per triwulan speaks of the triwulan alone; a target s.d. triwulan and a fixed rate of the year so far.
  const alone = reading === 'PER_QUARTER';
  const points = series && (alone ? [series.q1, series.q2, series.q3, series.q4] : [series.q1, series.c2, series.c3, series.c4])
    .map(figures => figures.find(p => p.indicator.code === code)!);
  return (
    <article class="card" data-iku={code} aria-labelledby={`judul-${code}`}>
      <h2 id={`judul-${code}`}><span class="code">{code}</span> {iku.indicator.name}</h2>
      <dl class="figures">
        <div><dt>Realisasi</dt><dd data-field="value"><Figure value={iku.value} status={iku.status} format={n => fmtValue(n, kind)} /></dd></div>
        <div><dt>Target</dt><dd data-field="target"><TargetFigure target={iku.target} kind={kind} warning={iku.targetWarning} /></dd></div>
        <div><dt>Capaian</dt><dd data-field="achievement"><Figure value={iku.achievement} status={iku.status} format={fmtPercent} /></dd></div>
        <div><dt>Predikat</dt><dd data-field="predicate">{iku.predicate
          ? <span class={`badge ${bandClass(iku.predicate)}`}>{iku.predicate}</span>
          : <span class="status">{iku.status === 'OK' ? 'tanpa target' : STATUS_TEXT[iku.status]}</span>}</dd></div>
      </dl>
      <p class="working"><Working kind={kind} numerator={iku.numerator} denominator={iku.denominator} status={iku.status} /></p>
      {!points ? <div class="chart" aria-busy="true" /> : <>
        <ChartCanvas label={`Realisasi dan target ${code} ${alone ? 'per triwulan' : 's.d. tiap triwulan'} ${year}`} config={{
          type: 'bar',
          data: {
            labels: ROMAN.map(r => `${alone ? '' : 's.d. '}TW ${r}`),
            datasets: [
              { type: 'bar', label: 'Realisasi', data: points.map(p => p.value), backgroundColor: '#2b6cb0' },
              { type: 'line', label: 'Target', data: points.map(p => p.target), borderColor: '#c05621', backgroundColor: '#c05621' },
            ],
          },
          options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true } },
            plugins: { tooltip: { callbacks: { label: c => `${c.dataset.label}: ${c.raw == null ? 'belum ada data' : fmtValue(c.raw as number, kind)}` } } } },
        }} />
        <p class="muted small-note" data-field="reading">Grafik {alone ? 'per triwulan' : 's.d. tiap triwulan'}: {READING_TEXT[reading!]}.</p>
      </>}
    </article>
  );
}
