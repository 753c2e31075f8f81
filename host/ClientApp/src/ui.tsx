import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import { PERIOD_CHOICES, YEARS } from './period';
import { draw } from './charts';
import { parseNumber, type NumberRules } from './parse';

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

export function PeriodSelect({ value, onChange, id = 'periode', choices = PERIOD_CHOICES }: {
  value: string; onChange: (p: string) => void; id?: string; choices?: { key: string; label: string }[];
}) {
  return (
    <div class="field"><label for={id}>Periode</label><select id={id} value={value} onChange={e => onChange((e.target as HTMLSelectElement).value)}>
        {choices.map(p => <option value={p.key}>{p.label}</option>)}
      </select>
    </div>
  );
}

export function ChartCanvas({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => (canvas.current ? draw(canvas.current, config) : undefined), [JSON.stringify(config.data)]);
  return <div class="chart"><canvas ref={canvas} role="img" aria-label={label} /></div>;
}

/**
 * A table that scrolls sideways when it is wider than the screen; a stacked one (a table of fields and buttons) turns
 * each row into a block on a phone instead, its cells labelled by their data-label, so that no control is out of reach.
 */
export const Table = ({ children, caption, stacked = false }: { children: ComponentChildren; caption?: string; stacked?: boolean }) => (
  <div class={stacked ? 'table-wrap stacked' : 'table-wrap'} tabIndex={stacked ? undefined : 0} role="region" aria-label={caption ?? 'tabel'}>
    <table>{caption && <caption>{caption}</caption>}{children}</table>
  </div>
);

/** A number field read by parseNumber: what it refuses is said under the field, in words. */
export function NumberField({ id, label, value, onInput, error, note, readOnly = false, whole = false }: {
  id: string; label: string; value: string; onInput: (text: string) => void; error?: string | null; note?: ComponentChildren;
  readOnly?: boolean; whole?: boolean;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} class="number" inputMode={whole ? 'numeric' : 'decimal'} autocomplete="off" value={value} readOnly={readOnly}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}
        onInput={e => onInput((e.target as HTMLInputElement).value)} />
      {error && <span class="field-error" id={`${id}-error`} role="alert">{error}</span>}
      {note}
    </div>
  );
}

/**
 * Reads the texts of several number fields at once: the numbers, or each refusal under its field's name. A form
 * sends nothing while any field is refused.
 */
export function readNumbers<K extends string>(texts: Record<K, string>, rules: (field: K) => NumberRules):
  { values: Record<K, number | null>; errors: Partial<Record<K, string>>; ok: boolean } {
  const values = {} as Record<K, number | null>;
  const errors: Partial<Record<K, string>> = {};
  for (const field of Object.keys(texts) as K[]) {
    const parsed = parseNumber(texts[field], rules(field));
    if (parsed.ok) values[field] = parsed.value;
    else errors[field] = parsed.error;
  }
  return { values, errors, ok: Object.keys(errors).length === 0 };
}

/** A text or password field whose refusal is said under it, in words. */
export function TextField({ id, label, value, onInput, error, note, type = 'text', autocomplete = 'off', readOnly = false }: {
  id: string; label: string; value: string; onInput?: (text: string) => void; error?: string | null; note?: string;
  type?: 'text' | 'password'; autocomplete?: string; readOnly?: boolean;
}) {
  const described = [error && `${id}-error`, note && `${id}-note`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type={type as 'text'} autocomplete={autocomplete} value={value} readOnly={readOnly} spellcheck={false}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described || undefined}
        onInput={e => onInput?.((e.target as HTMLInputElement).value)} />
      {error && <span class="field-error" id={`${id}-error`} role="alert">{error}</span>}
      {note && <span class="field-note" id={`${id}-note`}>{note}</span>}
    </div>
  );
}
