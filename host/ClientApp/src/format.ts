// Numbers and dates as Indonesians write them: 1.234, 83,33 %, 31 Maret 2026.

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const day = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
const time = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta', timeZoneName: 'short' });

export const fmtNumber = (n: number | null | undefined) => (n == null ? '–' : number.format(n));
export const fmtPercent = (n: number | null | undefined) => (n == null ? '–' : `${number.format(n)} %`);

/** A file's size as an officer reads it: 917,5 KB, 1,2 MB (decimal units, one decimal). */
export function fmtBytes(n: number) {
  const units = ['bita', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return i === 0 ? `${number.format(n)} bita` : `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n)} ${units[i]}`;
}

/** Rupiah as the DPA writes them: Rp 1.250.000.000 (sen only where there are any). */
export const fmtRupiah = (n: number | null | undefined) => (n == null ? '–' : `Rp ${number.format(n)}`);

/** An indicator's figure in its own unit: a PERCENT with its sign, a COUNT as a number. */
export const fmtValue = (n: number | null | undefined, kind: string) => (kind === 'PERCENT' ? fmtPercent(n) : fmtNumber(n));

export function fmtDate(iso: string | null | undefined) {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00+07:00` : iso);
  return day.format(d);
}

export function fmtDateTime(iso: string | null | undefined) {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${day.format(d)}, ${time.format(d)}`;
}

export const STATUS_TEXT: Record<string, string> = {
  OK: 'ada data',
  NO_DATA: 'belum ada data',
  UNDEFINED: 'tidak terdefinisi',
  MODULE_DISABLED: 'modul tidak aktif',
};

/** What an UNDEFINED figure means to whoever reads it: its denominator is 0, so there is nothing to divide. */
export const UNDEFINED_TEXT = 'penyebut 0: nilai dan capaian tidak terdefinisi';

/** How a year's quarterly targets are read (the spec's target readings), in the words of the Rencana Aksi. */
export const READING_TEXT: Record<string, string> = {
  PER_QUARTER: 'target per triwulan',
  UP_TO_QUARTER: 'target s.d. triwulan',
  RATE: 'target tetap per periode',
};

export const SOURCE_TEXT: Record<string, string> = { ENTERED: 'diisi unit', REGISTER: 'dihitung dari register' };

export const REGISTER_TEXT: Record<string, string> = {
  pmks: 'PMKS (penyandang masalah kesejahteraan sosial)',
  psks: 'PSKS (lembaga dan pekerja kesejahteraan sosial)',
  tmp: 'Taman Makam Pahlawan',
  layanan: 'Layanan (siapa dilayani, kapan, di mana)',
};

export const STATE_TEXT: Record<string, string> = {
  DIAJUKAN: 'Diajukan',
  DIVERIFIKASI: 'Diverifikasi',
  DIKEMBALIKAN: 'Dikembalikan',
};

/** A Perjanjian Kinerja's state in words. */
export const AGREEMENT_STATE_TEXT: Record<string, string> = {
  DRAF: 'Draf (belum ditetapkan)',
  DITETAPKAN: 'Ditetapkan',
};

export const ROLE_TEXT: Record<string, string> = {
  pimpinan: 'Pimpinan',
  operator: 'Operator',
  verifikator: 'Verifikator',
  admin: 'Administrator',
};

// Permendagri 86/2017's bands; a configured band of another name keeps a neutral colour.
const BANDS: Record<string, string> = {
  'sangat tinggi': 'band-5',
  tinggi: 'band-4',
  sedang: 'band-3',
  rendah: 'band-2',
  'sangat rendah': 'band-1',
};
export const bandClass = (predicate: string | null | undefined) => (predicate ? BANDS[predicate.toLowerCase()] ?? 'band-0' : 'band-0');
