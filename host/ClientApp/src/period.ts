// A report period: one triwulan, through a triwulan (s.d. TW), or the whole year.

export interface Period { year: number; quarter: number | null; cumulative: boolean }

export const ROMAN = ['I', 'II', 'III', 'IV'];

export const PERIOD_CHOICES: { key: string; label: string }[] = [
  ...[1, 2, 3, 4].map(q => ({ key: `q${q}`, label: `TW ${ROMAN[q - 1]}` })),
  ...[2, 3, 4].map(q => ({ key: `c${q}`, label: `s.d. TW ${ROMAN[q - 1]}` })),
  { key: 'y', label: 'Tahunan' },
];

export function periodOf(year: number, key: string): Period {
  if (key === 'y') return { year, quarter: null, cumulative: true };
  return { year, quarter: Number(key.slice(1)), cumulative: key.startsWith('c') };
}

export function periodLabel(p: Period) {
  if (p.quarter == null) return `Tahun ${p.year}`;
  return `${p.cumulative ? 's.d. ' : ''}TW ${ROMAN[p.quarter - 1]} ${p.year}`;
}

export const thisYear = () => new Date().getFullYear();
export const YEARS = Array.from({ length: 7 }, (_, i) => thisYear() - 4 + i);
