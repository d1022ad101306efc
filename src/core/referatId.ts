// Referat ids: random, URL-safe, and validated wherever they come from outside (URLs, files).
const ID_PATTERN = /^[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}$/;

export function newReferatId(): string {
  return globalThis.crypto.randomUUID();
}

export function isReferatId(value: string): boolean {
  return ID_PATTERN.test(value);
}
