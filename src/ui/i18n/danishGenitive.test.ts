// The Danish genitive used by the status badge ("mangler Medialogic A/S' godkendelse").
import { describe, expect, it } from 'vitest';
import { danishGenitive } from './danishGenitive';

describe('danishGenitive', () => {
  it('adds s, or only an apostrophe after s, x or z', () => {
    expect(danishGenitive('Aarhus Kommune')).toBe('Aarhus Kommunes');
    expect(danishGenitive('Medialogic A/S')).toBe("Medialogic A/S'");
    expect(danishGenitive('Systemhuset ApS ')).toBe("Systemhuset ApS'");
    expect(danishGenitive('Fax')).toBe("Fax'");
  });
});
