// The certificate and key of `--tls-cert` / `--tls-key`: read, checked (PEM, a key that belongs to the certificate),
// and turned into the options Node's TLS server takes; every refusal names the flag and the file.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';

/** Larger than any certificate chain or key; a bigger file is not one (and is not read whole). */
const MAX_PEM_BYTES = 1024 * 1024;

/**
 * @typedef {object} TlsCredentials
 * @property {Buffer} cert the certificate chain, PEM (the server's certificate first)
 * @property {Buffer} key its private key, PEM
 * @property {string[]} names the names the certificate is for (its subjectAltName entries, or its subject)
 * @property {Date} validTo when the certificate expires
 */

/**
 * @param {unknown} error
 * @returns {string}
 */
function reason(error) {
  const code = /** @type {{ code?: unknown }} */ (error ?? {}).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/**
 * @param {string} flag
 * @param {string} file
 * @returns {Promise<Buffer>}
 */
async function readPem(flag, file) {
  /** @type {Buffer} */
  let bytes;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_PEM_BYTES) throw new Error(`over ${MAX_PEM_BYTES} bytes, no certificate or key is that large`);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new Error(`${flag}: cannot read "${file}" (${reason(error)})`, { cause: error });
  }
  return bytes;
}

/**
 * Reads and checks the certificate chain and private key. Refused, with a message naming the flag and the file: a
 * file that cannot be read, one with no PEM certificate (or key) in it, an encrypted key, and a key that does not
 * belong to the certificate.
 * @param {{ certFile: string, keyFile: string }} files
 * @returns {Promise<TlsCredentials>}
 */
export async function readTlsCredentials({ certFile, keyFile }) {
  const [cert, key] = [await readPem('--tls-cert', certFile), await readPem('--tls-key', keyFile)];
  /** @type {X509Certificate} */
  let certificate;
  try {
    if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no "-----BEGIN CERTIFICATE-----" line');
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw new Error(`--tls-cert: "${certFile}" holds no PEM certificate (${reason(error)})`, { cause: error });
  }
  /** @type {import('node:crypto').KeyObject} */
  let privateKey;
  try {
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error('no "-----BEGIN … PRIVATE KEY-----" line');
    if (key.includes('ENCRYPTED')) throw new Error('the key is encrypted: give it without a passphrase, readable only by the server’s user');
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new Error(`--tls-key: "${keyFile}" holds no usable PEM private key (${reason(error)})`, { cause: error });
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new Error(`--tls-key: "${keyFile}" is not the private key of the certificate in "${certFile}"`);
  }
  try {
    // What the TLS server will do with them: anything else Node refuses (a broken chain after the first certificate).
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`--tls-cert, --tls-key: Node's TLS refuses "${certFile}" with "${keyFile}" (${reason(error)})`, { cause: error });
  }
  const altNames = (certificate.subjectAltName ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return { cert, key, names: altNames.length > 0 ? altNames : [certificate.subject.replaceAll('\n', ', ')], validTo: new Date(certificate.validTo) };
}
