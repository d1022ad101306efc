// This device's signing key pair, made with WebCrypto and kept in IndexedDB. The private key is
// non-extractable: it can sign here, and can never be read out, copied or exported.
import type { LibraryDatabase } from './libraryDatabase';

export type KeyAlgorithmName = 'Ed25519' | 'ECDSA-P256';

export interface Identity {
  algorithm: KeyAlgorithmName;
  publicKey: JsonWebKey;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

interface StoredKeys {
  algorithm: KeyAlgorithmName;
  privateKey: CryptoKey;
  publicKey: JsonWebKey;
}

function isStoredKeys(v: unknown): v is StoredKeys {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (s.algorithm === 'Ed25519' || s.algorithm === 'ECDSA-P256') && s.privateKey instanceof CryptoKey && typeof s.publicKey === 'object';
}

async function generate(subtle: SubtleCrypto): Promise<StoredKeys> {
  try {
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    return { algorithm: 'Ed25519', privateKey: pair.privateKey, publicKey: await subtle.exportKey('jwk', pair.publicKey) };
  } catch {
    // Browsers without Ed25519 in WebCrypto get ECDSA P-256.
    const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    return { algorithm: 'ECDSA-P256', privateKey: pair.privateKey, publicKey: await subtle.exportKey('jwk', pair.publicKey) };
  }
}

function toIdentity(keys: StoredKeys, subtle: SubtleCrypto): Identity {
  const params = keys.algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return {
    algorithm: keys.algorithm,
    publicKey: keys.publicKey,
    sign: async (data) => new Uint8Array(await subtle.sign(params, keys.privateKey, data as Uint8Array<ArrayBuffer>)),
  };
}

const loaded = new WeakMap<LibraryDatabase, Promise<Identity>>();

/** Loads this device's identity, making the key pair on first use. Concurrent callers share one key. */
export function loadIdentity(db: LibraryDatabase, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<Identity> {
  let pending = loaded.get(db);
  if (pending) return pending;
  pending = (async () => {
    const row = await db.settings.get('identityKeys');
    if (row && isStoredKeys(row.value)) return toIdentity(row.value, subtle);
    const keys = await generate(subtle);
    // Another tab may have made one meanwhile: the first one written wins, everywhere.
    const winner = await db.transaction('rw', db.settings, async () => {
      const again = await db.settings.get('identityKeys');
      if (again && isStoredKeys(again.value)) return again.value;
      await db.settings.put({ key: 'identityKeys', value: keys });
      return keys;
    });
    return toIdentity(winner, subtle);
  })().catch((e: unknown) => {
    loaded.delete(db);
    throw e;
  });
  loaded.set(db, pending);
  return pending;
}
