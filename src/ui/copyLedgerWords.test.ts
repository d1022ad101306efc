import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../testSupport/fixedTimeZone';
import { NO_LAG } from '../core/copyLag';
import { countText, ledgerSentences } from './copyLedgerWords';
import { loadMessages, translator } from './i18n/translate';

const da = translator('da');
// English is its own chunk, fetched when first chosen.
await loadMessages('en');
const en = translator('en');

describe('the copy ledger in plain words', () => {
  useTimeZone('Europe/Copenhagen');
  // 6 December 2026, 07.52 in Copenhagen (06.52 UTC); "now" is later that day.
  const heldAt = new Date('2026-12-06T06:52:00Z').getTime();
  const now = new Date('2026-12-06T14:00:00Z').getTime();
  const base = { who: 'Medialogic A/S', heldAt, heldChannel: 'file' as const, sentAt: null, missingSince: null };

  it('says a party has everything, with the local time and no year this year', () => {
    expect(ledgerSentences(da, 'da', { ...base, lag: NO_LAG }, now)).toEqual(['Medialogic A/S har alt, du har, pr. 6. dec. kl. 07.52.']);
    expect(ledgerSentences(en, 'en', { ...base, lag: NO_LAG }, now)).toEqual(['Medialogic A/S has everything you have, as of 6 Dec at 07:52.']);
  });

  it('says what a party lacks in words and paragraphs, and from when', () => {
    const lag = { complete: false, paragraphs: 2, words: 14, details: true, participants: false, approvals: true };
    expect(ledgerSentences(da, 'da', { ...base, lag, missingSince: now - 3600_000 }, now)).toEqual([
      'Medialogic A/S mangler dine seneste rettelser fra i dag: 14 ord i 2 afsnit, mødets oplysninger og godkendelser.',
      'Sidst set 6. dec. kl. 07.52 i en fil fra dem.',
    ]);
    const one = { ...lag, paragraphs: 1, words: 1, details: false, approvals: false };
    expect(ledgerSentences(da, 'da', { ...base, lag: one, missingSince: now - 86_400_000 }, now)[0]).toBe('Medialogic A/S mangler dine rettelser siden i går: 1 ord i 1 afsnit.');
    expect(ledgerSentences(en, 'en', { ...base, lag: one, missingSince: new Date('2026-12-01T10:00:00Z').getTime() }, now)[0]).toBe(
      'Medialogic A/S is missing your edits since 1 Dec: 1 word in 1 paragraph.',
    );
    expect(ledgerSentences(da, 'da', { ...base, lag: { ...one, words: 0 }, heldChannel: 'live' }, now)).toEqual([
      'Medialogic A/S mangler dine seneste rettelser: 1 afsnit.',
      'Sidst set 6. dec. kl. 07.52 under fælles redigering.',
    ]);
    // Seen in their signed acknowledgement through the relay: said so, in both states.
    expect(ledgerSentences(da, 'da', { ...base, lag: { ...one, words: 0 }, heldChannel: 'relay' }, now)[1]).toBe('Sidst set 6. dec. kl. 07.52 via relæet.');
    expect(ledgerSentences(da, 'da', { ...base, lag: NO_LAG, heldChannel: 'relay' }, now)[0]).toBe('Medialogic A/S har alt, du har, pr. 6. dec. kl. 07.52 (kvitteret via relæet).');
    expect(ledgerSentences(en, 'en', { ...base, lag: NO_LAG, heldChannel: 'relay' }, now)[0]).toBe('Medialogic A/S has everything you have, as of 6 Dec at 07:52 (acknowledged through the relay).');
  });

  it('says a copy was sent and not yet answered, and names a year other than this one', () => {
    const lastYear = new Date('2025-12-30T09:05:00Z').getTime();
    expect(ledgerSentences(da, 'da', { ...base, heldAt: lastYear, lag: NO_LAG, sentAt: heldAt }, now)).toEqual([
      'Medialogic A/S har alt, du har, pr. 30. dec. 2025 kl. 10.05.',
      'Du sendte en kopi 6. dec. kl. 07.52. De har ikke sendt en kopi tilbage siden.',
    ]);
    expect(ledgerSentences(da, 'da', { ...base, lag: null, heldAt: null }, now)).toEqual(['Ikke set endnu.']);
  });

  it('writes counts with the right number', () => {
    expect([countText(da, 1, 'words.words'), countText(da, 2, 'words.words'), countText(en, 1, 'words.paragraphs'), countText(en, 3, 'words.paragraphs')]).toEqual([
      '1 ord',
      '2 ord',
      '1 paragraph',
      '3 paragraphs',
    ]);
  });
});
