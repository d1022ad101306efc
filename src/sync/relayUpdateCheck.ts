// The check of one relay update before it reaches a referat, as a file's update is checked (fileImportDecode.ts,
// from the signature on): what the copy lacks is read as an outline; the authorship gate, the schema of `meta`
// (meta.id only this referat's), and the divergence check; an update that builds on changes the copy lacks waits.
import * as Y from 'yjs';
import { errorMessage } from '../core/errorMessage';
import { newReferatDoc } from '../core/referatDoc';
import { claimRefusal } from './claimRefusal';
import { divergentClient, structsByClient } from './divergentClient';
import { metaWriteRefusal } from './metaWriteRefusal';
import type { PeerCheckInput } from './peerMessageCheck';
import type { LiveRefusalCode } from './peerUpdateRefusal';
import { predictIntegration } from './predictIntegration';
import { readUpdateOutline } from './updateOutline';

/** Why an update is not applied: a live-gate code, `divergent` and `timeout` as for files, or `incomplete` (it waits). */
export type RelayCheckCode = LiveRefusalCode | 'divergent' | 'incomplete' | 'timeout';

/**
 * What the check answers. The worker posts it in the shape of a live-gate verdict (peerCheckInWorker.ts), so that
 * runner and its time limit serve here too.
 */
export type RelayCheckVerdict = { kind: 'pass' } | { kind: 'refused'; refusal: { code: RelayCheckCode; clientId: number | null; detail: string } };

function refused(code: RelayCheckCode, detail: string, clientId: number | null = null): RelayCheckVerdict {
  return { kind: 'refused', refusal: { code, clientId, detail } };
}

/**
 * `input.message` is the update (Yjs v1) an entry carried; `input.state` this copy's whole state. Nothing is changed:
 * the caller applies the update only on `pass`. Never throws.
 */
export function checkRelayUpdate(input: PeerCheckInput): RelayCheckVerdict {
  if (input.message.byteLength > input.maxMessageBytes) return refused('tooLarge', `the update is larger than ${input.maxMessageBytes} bytes`);
  const doc = newReferatDoc();
  try {
    Y.applyUpdate(doc, input.state);
    const before = Y.encodeStateVector(doc);
    let outline;
    let forecast;
    try {
      outline = readUpdateOutline(Y.diffUpdate(input.message, before));
      forecast = predictIntegration(outline.structs, Y.decodeStateVector(before));
    } catch (e) {
      return refused('badUpdate', `the update cannot be read: ${errorMessage(e).slice(0, 200)}`);
    }
    const claim = claimRefusal(outline, input.facts);
    if (claim !== null) return refused(claim.code, claim.detail, claim.clientId);
    const meta = metaWriteRefusal(doc, outline, input.facts.entries, input.expectedId);
    if (meta !== null) return refused(meta.code, meta.detail);
    // What both hold must be the same changes; otherwise Yjs would keep this copy's and silently drop the entry's.
    const diverged = divergentClient(structsByClient(Y.decodeUpdate(input.message).structs), structsByClient(Y.decodeUpdate(input.state).structs));
    if (diverged !== null) return refused('divergent', `the entry and this copy hold different changes under client id ${diverged}`, diverged);
    if (forecast.missing.size > 0) return refused('incomplete', 'the update builds on changes this copy does not hold yet');
    return { kind: 'pass' };
  } catch (e) {
    return refused('badUpdate', errorMessage(e).slice(0, 200));
  } finally {
    doc.destroy();
  }
}
