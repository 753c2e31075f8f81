import { describe, expect, it } from 'vitest';
import { inputText, parseNumber } from './parse';

const value = (text: string, rules = {}) => {
  const parsed = parseNumber(text, rules);
  if (!parsed.ok) throw new Error(`"${text}" refused: ${parsed.error}`);
  return parsed.value;
};
const error = (text: string, rules = {}) => {
  const parsed = parseNumber(text, rules);
  if (parsed.ok) throw new Error(`"${text}" read as ${parsed.value}`);
  return parsed.error;
};

describe('parseNumber', () => {
  it.each([
    ['0', 0], ['7', 7], ['1234', 1234], ['1.234', 1234], ['12.345', 12345], ['1.234.567', 1234567],
    ['2,5', 2.5], ['0,25', 0.25], ['83,33', 83.33], ['1.234,5', 1234.5], ['1.234.567,5', 1234567.5], ['1234,75', 1234.75],
    ['  42  ', 42], ['007', 7], ['100,0', 100],
  ])('reads "%s" as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(['1.5', '12.50', '1.23', '1.2345', '0.5', '1234.567', '1.234.5', '1,234.5', '1.234,5.6', '.5', '1.'])(
    'refuses "%s" as ambiguous and says how to write it', text => {
      const message = error(text);
      expect(message).toContain('meragukan');
      expect(message).toContain('titik hanya pemisah ribuan');
    });

  it('suggests the comma reading of a simple decimal point', () => {
    expect(error('1.5')).toContain('tulis 1,5 bila maksudnya 1 koma 5');
    expect(error('12.50')).toContain('tulis 12,50');
  });

  it.each(['abc', '1e5', '1E5', 'Infinity', '-Infinity', 'NaN', '0x10', '+5', '1,2,3', '1 234', '5%', '2,', ',5', '1_000', '١٢'])(
    'refuses "%s" as not a number', text => {
      expect(error(text)).toMatch(/^bukan angka|meragukan/);
    });

  it.each(['-3', '−3', '-1.234', '-2,5', '-0'])('refuses the negative "%s"', text => {
    expect(error(text)).toBe('tidak boleh negatif');
  });

  it('refuses a fraction where the figure is a count, and takes a whole number written with decimals', () => {
    expect(error('2,5', { whole: true })).toContain('bilangan bulat');
    expect(value('2,0', { whole: true })).toBe(2);
    expect(value('1.234', { whole: true })).toBe(1234);
  });

  it('reads empty as no figure unless the field is required', () => {
    expect(value('')).toBeNull();
    expect(value('   ')).toBeNull();
    expect(error('', { required: true })).toBe('wajib diisi');
  });

  it('refuses figures beyond what a double holds exactly', () => {
    expect(error('9'.repeat(400))).toBe('angka terlalu besar');
    expect(error('1.000.000.000.000.000')).toBe('angka terlalu besar');
  });
});

describe('inputText', () => {
  it.each([0, 7, 1234, 1234567.5, 2.5, 83.33, 0.125, 999999999999])('writes %d so that parseNumber reads it back', n => {
    expect(value(inputText(n))).toBe(n);
  });

  it('writes the Indonesian way and leaves no figure empty', () => {
    expect(inputText(1234.5)).toBe('1.234,5');
    expect(inputText(null)).toBe('');
  });
});
