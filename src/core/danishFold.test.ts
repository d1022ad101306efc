import { describe, expect, it } from 'vitest';
import { danishFold, danishFoldWithOffsets } from './danishFold';

describe('danishFold', () => {
  it('lowercases, keeping æ, ø and å as letters of their own', () => {
    expect(danishFold('ÆBLE Øl Ål')).toBe('æble øl ål');
    expect(danishFold('Æbleskiver')).not.toBe(danishFold('Aebleskiver'));
    expect(danishFold('Øl')).not.toBe(danishFold('Oel'));
    expect(danishFold('æ')).toBe('æ');
  });

  it('reads "aa" as "å" in both directions', () => {
    expect(danishFold('Aabenraa')).toBe('åbenrå');
    expect(danishFold('Åbenrå')).toBe('åbenrå');
    expect(danishFold('AABENRAA')).toBe(danishFold('åbenrå'));
    expect(danishFold('Kaare Aagaard')).toBe('kåre ågård');
    expect(danishFold('aaa')).toBe('åa');
  });

  it('uses Unicode NFC, so a decomposed å is the same as a composed one', () => {
    expect(danishFold('A\u030abenra\u030a')).toBe('åbenrå');
    expect(danishFold('\u212b')).toBe('å'); // ANGSTROM SIGN
    expect(danishFold('o\u0338')).toBe('ø');
  });

  it('strips other diacritics', () => {
    expect(danishFold('Café Müller')).toBe('cafe muller');
    expect(danishFold('naïve résumé')).toBe('naive resume');
    expect(danishFold('Ångström')).toBe('ångstrom');
  });

  it('keeps where each folded character came from', () => {
    const f = danishFoldWithOffsets('Aabenraa é');
    expect(f.folded).toBe('åbenrå e');
    expect(f.offsets).toEqual([0, 2, 3, 4, 5, 6, 8, 9, 10]);
    const d = danishFoldWithOffsets('Ae\u0301x');
    expect(d.folded).toBe('aex');
    expect(d.offsets).toEqual([0, 1, 3, 4]);
  });

  it('gives the same result on the fast and the slow path', () => {
    for (const s of ['Aabenraa', 'Systemhuset A/S', 'Kaare', 'æøå ÆØÅ aa AA Aa aA']) {
      expect(danishFold(s)).toBe(danishFoldWithOffsets(s).folded);
    }
  });
});
