// A throwaway self-signed certificate for 127.0.0.1 and localhost, made with openssl at test time (for tests only: a
// fresh key each run, so no private key lives in the repository and nothing expires).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

export interface SelfSignedCertificate {
  certFile: string;
  keyFile: string;
  /** PEM */
  cert: string;
  /** PEM */
  key: string;
}

/** Writes cert.pem and key.pem (P-256, valid for two days) into `dir`. Needs Debian's openssl package. */
export async function selfSignedCertificate(dir: string): Promise<SelfSignedCertificate> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1'];
  args.push('-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile);
  try {
    await promisify(execFile)('openssl', args, { timeout: 30_000 });
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    throw new Error(missing ? 'openssl not found: install Debian’s openssl package' : `openssl could not make a certificate: ${String(error)}`, { cause: error });
  }
  return { certFile, keyFile, cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
}
