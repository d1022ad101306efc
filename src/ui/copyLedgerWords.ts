// The copy ledger in sentences a clerk reads: "Medialogic A/S har alt, du har, pr. 6. dec. kl. 07.52." or
// "Medialogic A/S mangler dine seneste rettelser fra i dag: 12 ord i 2 afsnit.", counted from the text (core/copyLag.ts).
import type { CopyLag } from '../core/copyLag';
import { daysBefore } from '../core/localDay';
import type { Language } from '../storage/settingsStore';
import { formatDay, formatMoment } from './i18n/formatMoment';
import type { Translate } from './i18n/translate';

export interface LedgerFacts {
  /** Who the sentence is about: the organisation, or the person's name when two rows share an organisation. */
  who: string;
  /** What they lack, or null when their state has never been seen. */
  lag: CopyLag | null;
  /** When the changes they lack began (core/missingSince.ts), or null when unknown. */
  missingSince: number | null;
  heldAt: number | null;
  /** How their state was last seen: live, in a file from them, or in their signed acknowledgement through the relay. */
  heldChannel: 'live' | 'file' | 'relay' | null;
  /** When a copy was last sent to them after their state was seen, or null. */
  sentAt: number | null;
}

/** "1 afsnit" / "3 afsnit", "1 word" / "3 words". */
export function countText(t: Translate, count: number, noun: 'words.paragraphs' | 'words.words'): string {
  return count === 1 ? t(`${noun}.one`) : t(`${noun}.many`, { count });
}

/** What they lack, listed: "12 ord i 2 afsnit, mødets oplysninger og godkendelser". */
export function lagList(t: Translate, lang: Language, lag: CopyLag): string {
  const parts: string[] = [];
  if (lag.paragraphs > 0) {
    const paragraphs = countText(t, lag.paragraphs, 'words.paragraphs');
    parts.push(lag.words > 0 ? t('words.wordsIn', { words: countText(t, lag.words, 'words.words'), paragraphs }) : paragraphs);
  }
  if (lag.details) parts.push(t('words.ledger.details'));
  if (lag.participants) parts.push(t('words.ledger.participants'));
  if (lag.approvals) parts.push(t('words.ledger.approvals'));
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
}

/** The sentences for one party, in reading order. */
export function ledgerSentences(t: Translate, lang: Language, f: LedgerFacts, now = Date.now()): string[] {
  const at = (time: number) => formatMoment(t, lang, time, { shortYear: true, now });
  const out: string[] = [];
  if (f.lag === null || f.heldAt === null) {
    out.push(t('words.ledger.neverHeld'));
  } else if (f.lag.complete) {
    out.push(t(f.heldChannel === 'relay' ? 'words.ledger.complete.relay' : 'words.ledger.complete', { who: f.who, when: at(f.heldAt) }));
  } else {
    const since = f.missingSince;
    const days = since === null ? null : daysBefore(since, now);
    const sentence =
      since === null || days === null || days < 0
        ? t('words.ledger.missing', { who: f.who })
        : days === 0
          ? t('words.ledger.missingToday', { who: f.who })
          : days === 1
            ? t('words.ledger.missingYesterday', { who: f.who })
            : t('words.ledger.missingSince', { who: f.who, day: formatDay(lang, since, { shortYear: true, now }) });
    const what = lagList(t, lang, f.lag);
    out.push(what ? t('words.ledger.missingWhat', { sentence, what }) : t('words.ledger.missingNothingSeen', { sentence }));
    const seen = f.heldChannel === 'live' ? 'words.ledger.lastSeen.live' : f.heldChannel === 'relay' ? 'words.ledger.lastSeen.relay' : 'words.ledger.lastSeen.file';
    out.push(t(seen, { when: at(f.heldAt) }));
  }
  if (f.sentAt !== null && (f.heldAt === null || f.sentAt > f.heldAt)) out.push(t('words.ledger.sent', { when: at(f.sentAt) }));
  return out;
}
