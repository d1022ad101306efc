// The legal reasons a clerk may give on this device for an exempt passage or a referat left out of an aktindsigt
// package: a short list of offentlighedsloven's provisions (LBK nr. 145 af 24/02/2020), and "other" with free text.

/** A reason from the list; `ref` is the citation shown in the package ("[Undtaget: § 30, nr. 2]"). */
export interface ExemptionReason {
  code: string;
  ref: string;
  /** The provision in a few Danish words, for LÆSMIG.txt and the journal. */
  da: string;
}

/** For a passage of a referat's text (offentlighedsloven §§ 30 and 33; § 34 asks for the rest of the document). */
export const PASSAGE_REASONS: readonly ExemptionReason[] = [
  { code: 'ofl-30-1', ref: '§ 30, nr. 1', da: 'enkeltpersoners private, herunder økonomiske, forhold' },
  { code: 'ofl-30-2', ref: '§ 30, nr. 2', da: 'tekniske indretninger, fremgangsmåder eller drifts- eller forretningsforhold (forretningshemmeligheder)' },
  { code: 'ofl-33-2', ref: '§ 33, nr. 2', da: 'offentlig kontrol-, regulerings- eller planlægningsvirksomhed' },
  { code: 'ofl-33-3', ref: '§ 33, nr. 3', da: 'det offentliges økonomiske interesser, herunder det offentliges forretningsvirksomhed' },
  { code: 'ofl-33-5', ref: '§ 33, nr. 5', da: 'private og offentlige interesser, hvor hemmeligholdelse efter forholdets særlige karakter er påkrævet' },
];

/** For a whole referat left out of the package. */
export const LEAVE_OUT_REASONS: readonly ExemptionReason[] = [
  { code: 'out-of-scope', ref: 'Ikke omfattet af anmodningen', da: 'referatet er ikke omfattet af anmodningen' },
  { code: 'ofl-23', ref: '§ 23, stk. 1', da: 'internt dokument, der ikke er afgivet til udenforstående' },
];

/** The code for a reason given in free text only. */
export const OTHER_REASON = 'other';

/** The reason with this code in the list, or null (OTHER_REASON, or a code this version does not know). */
export function exemptionReason(list: readonly ExemptionReason[], code: string): ExemptionReason | null {
  return list.find((r) => r.code === code) ?? null;
}
