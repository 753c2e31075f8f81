// Where the app is: the screen in the path, its year, period and triwulan in the query string, so that a reload
// or a shared link opens the same view.
import { useEffect, useState } from 'preact/hooks';
import { PERIOD_CHOICES, thisYear, YEARS } from './period';

const MOVED = 'kinerja:moved';

export function navigate(href: string) {
  history.pushState(null, '', href);
  dispatchEvent(new Event(MOVED));
}

/** Re-renders its component whenever the address changes: a link, a choice that writes the query, or back and forward. */
export function useAddress() {
  const [address, setAddress] = useState(location.pathname + location.search);
  useEffect(() => {
    const follow = () => setAddress(location.pathname + location.search);
    addEventListener('popstate', follow);
    addEventListener(MOVED, follow);
    return () => { removeEventListener('popstate', follow); removeEventListener(MOVED, follow); };
  }, []);
  return address;
}

function useParam(name: string): [string | null, (value: string) => void] {
  useAddress();
  const set = (value: string) => {
    const url = new URL(location.href);
    url.searchParams.set(name, value);
    // A choice replaces the address instead of adding to the history: back leaves the screen, not the last choice.
    history.replaceState(null, '', url);
    dispatchEvent(new Event(MOVED));
  };
  return [new URLSearchParams(location.search).get(name), set];
}

/** The year of the address (?tahun=2026), this year when it has none or one the app does not offer. */
export function useYear(): [number, (year: number) => void] {
  const [text, set] = useParam('tahun');
  const year = Number(text);
  return [YEARS.includes(year) ? year : thisYear(), y => set(String(y))];
}

/** The period of the address (?periode=q1, c4, y), or the given default. */
export function usePeriodKey(fallback: string): [string, (key: string) => void] {
  const [key, set] = useParam('periode');
  return [key != null && PERIOD_CHOICES.some(p => p.key === key) ? key : fallback, set];
}

/**
 * The triwulan of the address (?triwulan=2), or null; its setter; and a default put in only while the address still has
 * none when it runs (an effect runs after the paint: a tab clicked in between is the person's choice and stays).
 */
export function useQuarterParam(): [number | null, (quarter: number) => void, (quarter: number) => void] {
  const [text, set] = useParam('triwulan');
  const quarter = Number(text);
  const settle = (q: number) => { if (new URLSearchParams(location.search).get('triwulan') == null) set(String(q)); };
  return [[1, 2, 3, 4].includes(quarter) ? quarter : null, q => set(String(q)), settle];
}

/** The unit of the address (?unit=REHSOS) when it is one of the choices, else the given default. */
export function useUnitParam(choices: string[], fallback: string): [string, (unit: string) => void] {
  const [code, set] = useParam('unit');
  return [code != null && choices.includes(code) ? code : fallback, set];
}

/** A link to another screen that keeps the year and period being looked at. */
export function carrying(path: string) {
  const here = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const name of ['tahun', 'periode']) {
    const value = here.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `${path}?${query}` : path;
}

/** A link's click: the app moves itself, unless the person asked for a new tab or window. */
export function follow(e: MouseEvent) {
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate((e.currentTarget as HTMLAnchorElement).getAttribute('href')!);
}
