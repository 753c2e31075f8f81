import { describe as suite, expect, it } from 'vitest';
import { describe } from './audit';

suite('describe', () => {
  it('labels a realisation, puts its state and figures in words and leaves out what has no value', () => {
    expect(describe('{"numerator":1234,"denominator":null,"state":"DIKEMBALIKAN","enteredBy":"op","reviewedBy":"kabid","reason":"Lampiran kurang"}'))
      .toEqual([['Pembilang / jumlah', '1.234'], ['Status', 'Dikembalikan'], ['Diisi oleh', 'op'],
        ['Diperiksa oleh', 'kabid'], ['Alasan', 'Lampiran kurang']]);
  });

  it('reads the keys of every kind of change, whatever their case', () => {
    expect(describe('{"source":"REGISTER"}')).toEqual([['Sumber', 'dihitung dari register']]);
    expect(describe('{"lessIsBetter":true}')).toEqual([['Polaritas', 'makin kecil makin baik']]);
    expect(describe('{"Position":"REHSOS","Year":2026,"Nip":"198001012005011001"}', new Map([['REHSOS', 'Bidang Rehabilitasi Sosial']])))
      .toEqual([['Posisi', 'Bidang Rehabilitasi Sosial'], ['Tahun', '2026'], ['NIP', '198001012005011001']]);
    expect(describe('{"closed":true,"revision":2}')).toEqual([['Ditutup', 'ya'], ['Revisi', '2']]);
    expect(describe('{"source":"ENTERED","codes":["PMI-1","pmks.total"]}')).toEqual([['Sumber', 'diisi unit'], ['Berlaku untuk', '2 indikator dan data dasar']]);
  });

  it('shows nothing for no value and the text itself when it is not JSON', () => {
    expect(describe(null)).toEqual([]);
    expect(describe('bukan json')).toEqual([['', 'bukan json']]);
  });
});
