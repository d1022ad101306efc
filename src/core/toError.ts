// Anything thrown, as an Error: an Error as it is, anything else wrapped with its text as the message.
export function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
