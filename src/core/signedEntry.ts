// Checking a signed entry stored in a referat (an approval, a reopening): the members every such entry has, its
// signature over every other member as canonical JSON, and a cache of the results on this device.
import * as Y from 'yjs';
import { base64ToBytes } from './base64';
import { canonicalJson } from './canonicalContent';
import { keyFingerprint } from './fingerprint';
import { isPublicKeyJwk, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './publicKeyJwk';
import { verifySignature } from './signature';

/** UTF-8 of the canonical JSON of every member except `signature`, so members a later version adds are signed too. */
export function entrySigningInput(members: Readonly<Record<string, unknown>>): Uint8Array {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(members)) if (k !== 'signature') rest[k] = v;
  return new TextEncoder().encode(canonicalJson(rest));
}

export interface SignedEntryVerifier {
  /** True when the entry is well formed and its signature verifies with its own key; never throws. */
  verify(members: Readonly<Record<string, unknown>>): Promise<boolean>;
  /** The result of an earlier verify of exactly these members on this device, or undefined. */
  known(members: Readonly<Record<string, unknown>>): boolean | undefined;
}

export const entryString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

type Members = Readonly<Record<string, unknown>>;

/** Entries hold shared types only when crafted: never verified, never cached. */
const holdsSharedType = (members: Members) => Object.values(members).some((v) => v instanceof Y.AbstractType);

/** Exactly the same members: strings and numbers by value, anything else by its canonical JSON (as signed). */
function sameMembers(a: Members, b: Members): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (!Object.hasOwn(b, k)) return false;
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || canonicalJson(x) !== canonicalJson(y)) return false;
  }
  return true;
}

/** Results by the entry's signature text, then by exact members: a lookup compares members, never re-serialises them all. */
class ResultCache<T> {
  private readonly bySignature = new Map<string, Array<{ members: Members; value: T }>>();
  private size = 0;

  get(members: Members): T | undefined {
    return this.bySignature.get(String(members.signature))?.find((e) => sameMembers(e.members, members))?.value;
  }

  set(members: Members, value: T): void {
    if (this.size >= MAX_CACHED) {
      this.bySignature.clear();
      this.size = 0;
    }
    const key = String(members.signature);
    const list = this.bySignature.get(key)?.filter((e) => !sameMembers(e.members, members)) ?? [];
    list.push({ members: { ...members }, value });
    this.bySignature.set(key, list);
    this.size++;
  }

  delete(members: Members): void {
    const key = String(members.signature);
    const list = this.bySignature.get(key)?.filter((e) => !sameMembers(e.members, members));
    if (list && list.length > 0) this.bySignature.set(key, list);
    else this.bySignature.delete(key);
  }
}

/** Results kept per kind of entry; beyond this the cache starts again (a referat holds far fewer). */
const MAX_CACHED = 4096;

/**
 * A verifier for entries with `algorithm`, `publicKey`, `fingerprint` (the key's), `id`, `contentHash`, `name`,
 * `organisation`, a time member named `timeMember` and a 64-byte `signature`; `entryValid` adds the kind's own rules.
 */
export function signedEntryVerifier(timeMember: string, entryValid: (members: Readonly<Record<string, unknown>>) => boolean): SignedEntryVerifier {
  const results = new ResultCache<boolean>();
  // Checks under way, shared: a second caller (the list's hook after the session's early check) waits for the first.
  const pending = new ResultCache<Promise<boolean>>();
  const str = entryString;
  const check = async (members: Members): Promise<boolean> => {
    const algorithm = str(members.algorithm) as SignatureAlgorithm | null;
    if (algorithm === null || !SIGNATURE_ALGORITHMS.includes(algorithm)) return false;
    const { publicKey } = members;
    if (!isPublicKeyJwk(publicKey, algorithm)) return false;
    if (str(members.fingerprint) !== (await keyFingerprint(publicKey))) return false;
    if (!str(members.id) || !/^[0-9a-f]{64}$/.test(str(members.contentHash) ?? '')) return false;
    if (str(members.name) === null || str(members.organisation) === null || str(members[timeMember]) === null) return false;
    if (!entryValid(members)) return false;
    const signature = base64ToBytes(str(members.signature) ?? '');
    if (signature === null || signature.length !== 64) return false;
    return verifySignature(publicKey, algorithm, signature, entrySigningInput(members));
  };
  return {
    async verify(members) {
      if (holdsSharedType(members)) return false;
      const cached = results.get(members);
      if (cached !== undefined) return cached;
      const running = pending.get(members);
      if (running) return running;
      const copy = { ...members };
      const job = check(copy).catch(() => false).then((valid) => {
        results.set(copy, valid);
        pending.delete(copy);
        return valid;
      });
      pending.set(copy, job);
      return job;
    },
    known(members) {
      return holdsSharedType(members) ? false : results.get(members);
    },
  };
}
