// The largest `.referat` file a device reads by default. Apart from referatFile.ts, so the import button knows it
// without loading the decoder (and Yjs) on the first page.

/** 50 MiB: far above a year of minutes with history, far below what would hang a tab. */
export const DEFAULT_MAX_REFERAT_FILE_BYTES = 50 * 1024 * 1024;
