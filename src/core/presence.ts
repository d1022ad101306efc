// What a live peer tells the others about itself (awareness state), and the strict check of what arrives.
import { ORGANISATION_KINDS, type OrganisationKind } from './profile';

export interface Presence {
  name: string;
  organisation: string;
  organisationKind: OrganisationKind;
  fingerprint: string;
  color: string;
  /** Base64 of the peer's Yjs state vector, announced for the copy ledger. */
  stateVector: string;
}

const MAX = 200;
const COLOR = /^#[0-9a-f]{6}$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Returns the presence inside an awareness state, or null if it is missing or malformed. */
export function parsePresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null;
  const p = (state as Record<string, unknown>).presence;
  if (typeof p !== 'object' || p === null) return null;
  const v = p as Record<string, unknown>;
  const str = (k: string, max = MAX) => (typeof v[k] === 'string' && (v[k] as string).length <= max ? (v[k] as string) : null);
  const name = str('name');
  const organisation = str('organisation');
  const kind = str('organisationKind') as OrganisationKind | null;
  const fingerprint = str('fingerprint', 100);
  const color = str('color', 7);
  const stateVector = str('stateVector', 100_000);
  if (name === null || organisation === null || fingerprint === null || color === null || stateVector === null) return null;
  if (!kind || !ORGANISATION_KINDS.includes(kind) || !COLOR.test(color) || !BASE64.test(stateVector)) return null;
  return { name, organisation, organisationKind: kind, fingerprint, color, stateVector };
}

/** Organisation colours: the same organisation always gets the same colour, each with AA contrast on white. */
const PALETTE = ['#1f4e79', '#8a3b12', '#2e6b30', '#6b2e6b', '#7a5c00', '#0f6b6b', '#9c1c4a', '#4a4a9c'];

export function organisationColor(organisation: string): string {
  let h = 0;
  for (const ch of organisation.trim().toLowerCase()) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#1f4e79';
}
