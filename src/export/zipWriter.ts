// Writes a ZIP as a stream: each entry is compressed when added and its bytes go straight to a sink, so an
// archive of any number of entries never sits in memory whole. UTF-8 names; no ZIP64 (limits below).
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { checkZipPath } from './zipPath';

/** Where the archive's bytes go, in order; a returned promise is awaited before more is written. */
export interface ZipSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

/** Without ZIP64 an archive holds fewer than 65,535 entries and 4 GiB. */
export const MAX_WRITE_ENTRIES = 65_000;
export const MAX_WRITE_BYTES = 0xffff_0000;

export class ZipWriter {
  private readonly zip: Zip;
  private queue: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly names = new Set<string>();
  private written = 0;
  private readonly mtime: Date;

  constructor(
    private readonly sink: ZipSink,
    options: { mtime?: Date; level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {},
  ) {
    // DOS time starts in 1980: an earlier clock would make fflate throw.
    this.mtime = options.mtime && options.mtime.getFullYear() >= 1981 ? options.mtime : new Date(Date.UTC(1981, 0, 1));
    this.level = options.level ?? 6;
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure ??= err;
      else this.queue.push(chunk);
    });
  }

  private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.written;
  }

  get entryCount(): number {
    return this.names.size;
  }

  /** Adds one file; `store` keeps it uncompressed (for bytes that do not compress, e.g. DOCX). */
  async add(path: string, data: Uint8Array, options: { store?: boolean } = {}): Promise<void> {
    checkZipPath(path);
    if (path.endsWith('/')) throw new Error(`not a file path: ${path}`);
    if (this.names.has(path)) throw new Error(`duplicate path in ZIP: ${path}`);
    if (this.names.size >= MAX_WRITE_ENTRIES) throw new Error('too many entries for a ZIP without ZIP64');
    if (this.written + data.length > MAX_WRITE_BYTES) throw new Error('the ZIP would be larger than 4 GiB');
    this.names.add(path);
    const entry = options.store || this.level === 0 ? new ZipPassThrough(path) : new ZipDeflate(path, { level: this.level });
    entry.mtime = this.mtime;
    this.zip.add(entry);
    entry.push(data, true);
    await this.drain();
  }

  /** Writes the central directory; returns the archive's size in bytes. */
  async finish(): Promise<number> {
    this.zip.end();
    await this.drain();
    return this.written;
  }

  /** Stops without writing the central directory: what reached the sink is not a valid ZIP. */
  abort(): void {
    this.zip.terminate();
    this.queue = [];
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.queue.length > 0) {
      const chunks = this.queue;
      this.queue = [];
      for (const chunk of chunks) {
        await this.sink.write(chunk);
        this.written += chunk.length;
      }
    }
    if (this.written > MAX_WRITE_BYTES) throw new Error('the ZIP is larger than 4 GiB');
  }
}
