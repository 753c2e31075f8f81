// The audit trail keeps each change's before and after as JSON; a person reads them as labelled values.
import { fmtDateTime, fmtNumber, READING_TEXT, SOURCE_TEXT, STATE_TEXT } from './format';

const LABELS: Record<string, string> = {
  numerator: 'Pembilang / jumlah', denominator: 'Penyebut', value: 'Nilai', state: 'Status', enteredby: 'Diisi oleh',
  reviewedby: 'Diperiksa oleh', reason: 'Alasan', source: 'Sumber', codes: 'Berlaku untuk', lessisbetter: 'Polaritas',
  faktorpendukung: 'Faktor pendukung', faktorpenghambat: 'Faktor penghambat', upayatindaklanjut: 'Upaya tindak lanjut',
  position: 'Posisi', year: 'Tahun', nama: 'Nama', jabatan: 'Jabatan', pangkat: 'Pangkat', nip: 'NIP',
  revision: 'Revisi', createdat: 'Dibuat', trigger: 'Pemicu', closed: 'Ditutup', filename: 'Berkas', rows: 'Baris dibaca',
  inserted: 'Baru', updated: 'Diperbarui', unchanged: 'Tidak berubah', refused: 'Ditolak', username: 'Pengguna',
  roles: 'Peran', unit: 'Unit', reading: 'Cara baca target', inclosedquarters: 'Di triwulan yang ditutup',
};

const TRIGGERS: Record<string, string> = { schedule: 'terjadwal', manual: 'manual' };

function words(key: string, value: unknown, names: Map<string, string>): string {
  if (value == null || value === '') return '–';
  if (typeof value === 'boolean') {
    if (key === 'lessisbetter') return value ? 'makin kecil makin baik' : 'makin besar makin baik';
    return value ? 'ya' : 'tidak';
  }
  if (typeof value === 'number') return key === 'year' || key === 'nip' ? String(value) : fmtNumber(value);
  if (Array.isArray(value)) return key === 'codes' ? `${fmtNumber(value.length)} indikator dan data dasar` : value.map(v => words(key, v, names)).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${LABELS[k.toLowerCase()] ?? k}: ${words(k.toLowerCase(), v, names)}`).join('; ');
  const text = String(value);
  if (key === 'createdat') return fmtDateTime(text);
  if (key === 'position' || key === 'unit') return names.get(text) ?? text;
  return STATE_TEXT[text] ?? SOURCE_TEXT[text] ?? READING_TEXT[text] ?? TRIGGERS[text] ?? text;
}

/**
 * The labelled values of an audit row's JSON: [label, value] pairs, or the text itself when it is not JSON. Units and
 * positions are named from names (code to name).
 */
export function describe(json: string | null, names: Map<string, string> = new Map()): [string, string][] {
  if (json == null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [['', json]];
  }
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed)) return [['', words('', parsed, names)]];
  // A part without a value is left out: it reads as none.
  return Object.entries(parsed).filter(([, value]) => value != null && value !== '')
    .map(([key, value]) => [LABELS[key.toLowerCase()] ?? key, words(key.toLowerCase(), value, names)]);
}
