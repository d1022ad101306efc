// The error DocStore.close() reports when updates could not be written even on a last try: they are not dropped but
// kept (unsavedUpdates.ts), on the device or only in memory, and written when the referat is opened again.
import type { KeptWhere } from './unsavedUpdates';

export class UnsavedKeptError extends Error {
  readonly where: KeptWhere;
  override readonly cause: Error;

  constructor(where: KeptWhere, cause: Error) {
    super(
      `The last changes could not be written to the referat's database (${cause.name}: ${cause.message}); they are kept ` +
        `${where === 'device' ? 'in this browser' : 'in memory until the page is closed'} and written when the referat is opened again`,
    );
    this.name = 'UnsavedKeptError';
    this.where = where;
    this.cause = cause;
  }
}
