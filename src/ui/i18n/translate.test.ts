// English is fetched on demand: Danish stands in until it is loaded, then every key translates; Danish is always there.
import { describe, expect, it } from 'vitest';
import { messagesDa } from './messagesDa';
import { loadMessages, messagesLoaded, translator } from './translate';

describe('translate', () => {
  it('has Danish at once, and English only once loaded (Danish standing in until then)', async () => {
    expect(messagesLoaded('da')).toBe(true);
    expect(messagesLoaded('en')).toBe(false);
    expect(translator('en')('nav.library')).toBe('Bibliotek');
    await loadMessages('en');
    expect(messagesLoaded('en')).toBe(true);
    expect(translator('en')('nav.library')).toBe('Library');
    expect(translator('da')('nav.library')).toBe('Bibliotek');
  });

  it('fills in placeholders and leaves unknown ones as they are', async () => {
    await loadMessages('en');
    const key = Object.keys(messagesDa).find((k) => messagesDa[k as keyof typeof messagesDa].includes('{count}')) as keyof typeof messagesDa;
    expect(translator('da')(key, { count: 3 })).toContain('3');
    expect(translator('da')(key)).toContain('{count}');
  });
});
