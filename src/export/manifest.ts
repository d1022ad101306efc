// The hash manifest of a package: SHA-256 and size of every file, as manifest.json and as a SHA256SUMS file
// that `sha256sum -c` checks directly.
import { sha256Hex } from '../core/sha256';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export const MANIFEST_PATH = 'manifest.json';
export const SHA256SUMS_PATH = 'SHA256SUMS';

export class Manifest {
  private readonly list: ManifestFile[] = [];

  /** Records a file's hash; call it with exactly the bytes written into the package. */
  add(path: string, data: Uint8Array): void {
    this.list.push({ path, bytes: data.length, sha256: sha256Hex(data) });
  }

  get files(): readonly ManifestFile[] {
    return this.list;
  }

  json(meta: { createdAt: string; generator: string }): string {
    return `${JSON.stringify({ manifestVersion: 1, algorithm: 'SHA-256', createdAt: meta.createdAt, generator: meta.generator, files: this.list }, null, 2)}\n`;
  }

  /** `sha256sum` format: hash, two spaces, path; one line each, LF. */
  sha256sums(): string {
    return this.list.map((f) => `${f.sha256}  ${f.path}\n`).join('');
  }
}
