// The error a library fence (yjsInternals.ts, editor/yTiptapInternals.ts, sync/yWebrtcInternals.ts) throws when an internal it names is gone or changed.

/** A library whose internals a module relies on: its name, the version the fence was written for, the fence's file. */
export interface LibraryFence {
  library: string;
  version: string;
  file: string;
}

/** An error naming the library, the internal, the version it was written for and the file to re-check. */
export function fenceError(fence: LibraryFence, field: string, problem: string): Error {
  return new Error(
    `${fence.library} internal \`${field}\` ${problem} (fenced for ${fence.library} ${fence.version}): re-check ${fence.file} after upgrading ${fence.library}.`,
  );
}

/** Throws `fenceError` unless `ok`. */
export function fenceRequire(fence: LibraryFence, ok: boolean, field: string, problem: string): void {
  if (!ok) throw fenceError(fence, field, problem);
}
