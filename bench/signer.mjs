// A signing key for `.referat` files, made with Node's WebCrypto (ECDSA P-256, as the app's identity keys).

/** @typedef {import('./appModules.mjs').Signer} Signer */

/** @returns {Promise<Signer>} */
export async function createSigner() {
  const subtle = globalThis.crypto.subtle;
  const pair = /** @type {CryptoKeyPair} */ (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']));
  const publicKey = await subtle.exportKey('jwk', pair.publicKey);
  return {
    algorithm: 'ECDSA-P256',
    publicKey: { kty: publicKey.kty, crv: publicKey.crv, x: publicKey.x, y: publicKey.y },
    async sign(data) {
      return new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new Uint8Array(data)));
    },
  };
}
