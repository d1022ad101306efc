// A title turned into a file name that every operating system accepts: letters, digits, space, . _ - only.
export function safeFileName(title: string, max = 80, fallback = 'referat'): string {
  return title.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim().slice(0, max) || fallback;
}
