import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { PERIOD_CHOICES, YEARS } from './period';
import { draw } from './charts';

/**
 * Runs an async load whenever its inputs change, and again on reload(). New inputs drop the last answer at once
 * (never a figure of another period under a new heading); a reload keeps it on screen until the new one comes.
 */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]) {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [version, setVersion] = useState(0);
  const asked = useRef('');
  useEffect(() => {
    let live = true;
    const key = JSON.stringify(inputs);
    const same = key === asked.current;
    asked.current = key;
    setState(s => ({ data: same ? s.data : null, loading: true, error: null }));
    load().then(
      data => live && setState({ data, error: null, loading: false }),
      (e: Error) => live && setState({ data: null, error: e.message, loading: false }));
    return () => { live = false; };
  }, [...inputs, version]);
  return { ...state, reload: () => setVersion(v => v + 1) };
}

export const ErrorBox = ({ message }: { message: string | null }) =>
  message ? <p class="error" role="alert">{message}</p> : null;

export const Loading = ({ on }: { on: boolean }) => (on ? <p class="muted" aria-live="polite">Memuat…</p> : null);

export function YearSelect({ value, onChange, id = 'tahun' }: { value: number; onChange: (y: number) => void; id?: string }) {
  return (
    <div class="field"><label for={id}>Tahun</label><select id={id} value={value} onChange={e => onChange(Number((e.target as HTMLSelectElement).value))}>
        {YEARS.map(y => <option value={y}>{y}</option>)}
      </select>
    </div>
  );
}

export function PeriodSelect({ value, onChange, id = 'periode' }: { value: string; onChange: (p: string) => void; id?: string }) {
  return (
    <div class="field"><label for={id}>Periode</label><select id={id} value={value} onChange={e => onChange((e.target as HTMLSelectElement).value)}>
        {PERIOD_CHOICES.map(p => <option value={p.key}>{p.label}</option>)}
      </select>
    </div>
  );
}

export function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => (canvas.current ? draw(canvas.current, config) : undefined), [JSON.stringify(config.data)]);
  return <div class="chart"><canvas ref={canvas} role="img" aria-label={label} /></div>;
}

export const Table = ({ children, caption }: { children: ComponentChildren; caption?: string }) => (
  <div class="table-wrap" tabIndex={0} role="region" aria-label={caption ?? 'tabel'}>
    <table>{caption && <caption>{caption}</caption>}{children}</table>
  </div>
);
