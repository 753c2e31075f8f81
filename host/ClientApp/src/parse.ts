// Numbers typed the Indonesian way: a dot groups thousands (1.234), a comma starts the decimals (2,5).
// Every numeric field of the app reads its text here, so "1.5" is never stored as 15 or as 1,5.

export interface NumberRules {
  /** A count of persons, institutions or documents: no decimals. */
  whole?: boolean;
  /** Empty is refused instead of read as "no figure". */
  required?: boolean;
}

type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

// Digits without grouping, or groups of three after a first group of one to three; then optional decimals.
const INDONESIAN = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
// Only digits, dots and commas, with a dot somewhere: what someone used to a decimal point would type.
const DOTTED = /^[\d.,]*\.[\d.,]*$/;
const SIMPLE_DECIMAL = /^(\d+)\.(\d+)$/;
// Larger than any figure of the Dinas, and still exact in a double.
const LIMIT = 1e15;

const EXAMPLE = 'tulis angka seperti 1.234 atau 2,5';

export function parseNumber(text: string, rules: NumberRules = {}): Parsed {
  const typed = text.trim();
  if (typed === '') return rules.required ? { ok: false, error: 'wajib diisi' } : { ok: true, value: null };
  if (/^[-−]/.test(typed)) {
    return INDONESIAN.test(typed.slice(1)) || DOTTED.test(typed.slice(1))
      ? { ok: false, error: 'tidak boleh negatif' }
      : { ok: false, error: `bukan angka: ${EXAMPLE}` };
  }
  const match = INDONESIAN.exec(typed);
  if (!match) {
    if (DOTTED.test(typed)) {
      const decimal = SIMPLE_DECIMAL.exec(typed);
      const hint = decimal ? `tulis ${decimal[1]},${decimal[2]} bila maksudnya ${decimal[1]} koma ${decimal[2]}` : 'tulis desimal dengan koma, seperti 2,5';
      return { ok: false, error: `"${typed}" meragukan: ${hint}; titik hanya pemisah ribuan, seperti 1.234` };
    }
    return { ok: false, error: `bukan angka: ${EXAMPLE}` };
  }
  const value = Number(`${match[1].replace(/\./g, '')}.${match[2] ?? '0'}`);
  if (!Number.isFinite(value) || value >= LIMIT) return { ok: false, error: 'angka terlalu besar' };
  if (rules.whole && !Number.isInteger(value)) {
    return { ok: false, error: 'harus bilangan bulat: jumlah orang, lembaga atau kegiatan tidak berpecahan' };
  }
  return { ok: true, value };
}

/** A stored figure as it is typed back into a field: parseNumber reads it as the same number. */
export function inputText(n: number | null | undefined): string {
  if (n == null) return '';
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 10, useGrouping: true }).format(n);
}
