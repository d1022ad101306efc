// The head of one Hocuspocus message, read before Hocuspocus sees it: the mailbox it names, its type, and for a
// Yjs write the update it carries (lib0 encoding: varUint, varString, varUint8Array).

/** Hocuspocus message types (MessageType of @hocuspocus/server). */
export const FRAME_TYPE = Object.freeze({ sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, broadcastStateless: 6, close: 7 });

/** y-protocols sync message types: step 2 and update carry document content. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Longest document name read: anything longer is no mailbox id and not worth decoding. */
const MAX_NAME_BYTES = 256;

/**
 * @typedef {object} RelayFrame
 * @property {string} mailboxId the document name
 * @property {number} type a FRAME_TYPE value, or another number (Hocuspocus ignores unknown ones)
 * @property {Uint8Array | null} update the Yjs update of a sync step 2 or update message; null for anything else
 */

/**
 * @param {Uint8Array} bytes
 * @param {{ at: number }} cursor
 * @returns {number}
 */
function readVarUint(bytes, cursor) {
  let value = 0;
  let factor = 1;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[cursor.at];
    if (byte === undefined) throw new RangeError('message ends inside a number');
    cursor.at += 1;
    value += (byte & 0x7f) * factor;
    if (byte < 0x80) return value;
    factor *= 128;
  }
  throw new RangeError('number too long');
}

/**
 * @param {Uint8Array} bytes
 * @param {{ at: number }} cursor
 * @param {number} max
 * @returns {Uint8Array}
 */
function readBytes(bytes, cursor, max) {
  const length = readVarUint(bytes, cursor);
  if (length > max || cursor.at + length > bytes.length) throw new RangeError('length beyond the message');
  const out = bytes.subarray(cursor.at, cursor.at + length);
  cursor.at += length;
  return out;
}

/**
 * Reads the head of a Hocuspocus message.
 * @param {Uint8Array} bytes one binary WebSocket message
 * @returns {RelayFrame}
 * @throws {RangeError} when the message is not one (truncated, a name too long or not UTF-8, an unknown sync type)
 */
export function readRelayFrame(bytes) {
  const cursor = { at: 0 };
  const name = readBytes(bytes, cursor, MAX_NAME_BYTES);
  let mailboxId;
  try {
    mailboxId = new TextDecoder('utf-8', { fatal: true }).decode(name);
  } catch {
    throw new RangeError('document name is not UTF-8');
  }
  const type = readVarUint(bytes, cursor);
  /** @type {Uint8Array | null} */
  let update = null;
  if (type === FRAME_TYPE.sync || type === FRAME_TYPE.syncReply) {
    const syncType = readVarUint(bytes, cursor);
    if (syncType > SYNC_UPDATE) throw new RangeError(`unknown sync message type ${syncType}`);
    if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) update = readBytes(bytes, cursor, bytes.length);
  }
  return { mailboxId, type, update };
}
