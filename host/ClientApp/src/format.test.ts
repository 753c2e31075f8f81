import { describe, expect, it } from 'vitest';
import { fmtBytes } from './format';

describe('fmtBytes', () => {
  it('writes sizes the Indonesian way, in decimal units', () => {
    expect(fmtBytes(999)).toBe('999 bita');
    expect(fmtBytes(917504)).toBe('917,5 KB');
    expect(fmtBytes(1_250_000_000)).toBe('1,3 GB');
    expect(fmtBytes(2_000_000)).toBe('2 MB');
  });
});
