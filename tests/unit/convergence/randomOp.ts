// One random user action on a referat: a body edit, title typing (with emoji), a meeting detail, a participant
// added, changed or removed, an approval made or removed.
import type * as Y from 'yjs';
import { readMeta, setMetaField, setTitle, type EditableMetaField } from '../../../src/core/meta';
import { addParticipant, readParticipants, removeParticipant, updateParticipant, type ParticipantPatch } from '../../../src/core/participants';
import { ORGANISATION_KINDS } from '../../../src/core/profile';
import { approvalsArray } from '../../../src/core/referatDoc';
import { fuzzApprove } from './fuzzClaims';
import type { Prng } from './prng';
import { randomBodyOp } from './randomBodyOp';
import { ORGS, randomDate, randomName, randomTime, randomWords, WORDS } from './randomValues';

// Emoji are two UTF-16 code units; several share their first one (U+D83D), which is what trips naive diffs.
const EMOJI = ['😀', '😁', '👍', '🏽', '📅'];

function randomTitle(current: string, rng: Prng, emoji: boolean): string {
  // Typing-like, on whole characters (a cursor never sits inside an emoji): a character or word typed somewhere,
  // a backspace or two, or a short selection replaced.
  const chars = [...current];
  const at = rng.int(chars.length + 1);
  const typed = () => (emoji && rng.bool(0.4) ? rng.pick(EMOJI) : ([...rng.pick(WORDS)][0] ?? 'x'));
  const head = chars.slice(0, at).join('');
  const kind = current.length > 120 ? 'delete' : rng.weighted({ type: 5, word: 2, delete: 3, replace: 1, clear: 0.2 });
  switch (kind) {
    case 'type':
      return head + typed() + chars.slice(at).join('');
    case 'word':
      return `${head} ${rng.pick(WORDS)}${chars.slice(at).join('')}`;
    case 'delete':
      return chars.slice(0, Math.max(0, at - rng.range(1, 3))).join('') + chars.slice(at).join('');
    case 'replace':
      return head + (rng.bool() ? typed() : rng.pick(WORDS)) + chars.slice(at + rng.range(1, 5)).join('');
    default:
      return '';
  }
}

function randomPatch(rng: Prng): ParticipantPatch {
  const patch: ParticipantPatch = {};
  const fields = rng.shuffle(['name', 'organisation', 'organisationKind', 'role', 'present'] as const).slice(0, rng.range(1, 3));
  for (const f of fields) {
    if (f === 'name') patch.name = randomName(rng);
    else if (f === 'organisation') patch.organisation = rng.pick(ORGS);
    else if (f === 'organisationKind') patch.organisationKind = rng.pick(ORGANISATION_KINDS);
    else if (f === 'role') patch.role = rng.bool(0.3) ? '' : randomWords(rng, 2);
    else patch.present = rng.bool();
  }
  return patch;
}

export interface OpOptions {
  /** Type emoji into the title too (see the emoji finding in the convergence test). */
  emoji: boolean;
}

/** One random user action on a referat; returns a description for the log. */
export function randomOp(doc: Y.Doc, rng: Prng, options: OpOptions = { emoji: false }): string {
  const kind = rng.weighted({ body: 60, title: 12, meta: 9, addParticipant: 5, updateParticipant: 7, removeParticipant: 2, approve: 2, removeApproval: 1 });
  switch (kind) {
    case 'body':
      return randomBodyOp(doc, rng);
    case 'title': {
      const next = randomTitle(readMeta(doc).title, rng, options.emoji);
      setTitle(doc, next);
      return `title ${JSON.stringify(next)}`;
    }
    case 'meta': {
      const field = rng.pick<EditableMetaField>(['date', 'startTime', 'endTime', 'location']);
      const value = rng.bool(0.1)
        ? ''
        : field === 'date'
          ? randomDate(rng)
          : field === 'location'
            ? randomWords(rng, 4)
            : randomTime(rng);
      setMetaField(doc, field, value);
      return `meta ${field}=${JSON.stringify(value)}`;
    }
    case 'addParticipant': {
      const id = addParticipant(doc, {
        name: randomName(rng),
        organisation: rng.pick(ORGS),
        organisationKind: rng.pick(ORGANISATION_KINDS),
        role: rng.bool() ? '' : randomWords(rng, 2),
        present: rng.bool(0.8),
      });
      return `add participant ${id.slice(0, 8)}`;
    }
    case 'updateParticipant': {
      const people = readParticipants(doc);
      if (people.length === 0) return 'update participant: nobody';
      const who = rng.pick(people);
      const patch = randomPatch(rng);
      updateParticipant(doc, who.id, patch);
      return `update participant ${who.id.slice(0, 8)} ${JSON.stringify(patch)}`;
    }
    case 'approve': {
      const id = `approval-${rng.int(1_000_000)}`;
      fuzzApprove(doc, id);
      return `approve ${id}`;
    }
    case 'removeApproval': {
      const n = approvalsArray(doc).length;
      if (n === 0) return 'remove approval: none';
      const i = rng.int(n);
      approvalsArray(doc).delete(i, 1);
      return `remove approval ${i}`;
    }
    case 'removeParticipant': {
      const people = readParticipants(doc);
      if (people.length === 0) return 'remove participant: nobody';
      const who = rng.pick(people);
      removeParticipant(doc, who.id);
      return `remove participant ${who.id.slice(0, 8)}`;
    }
  }
  return 'nothing';
}
