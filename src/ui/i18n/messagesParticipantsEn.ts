// English interface text for one participant row per person, and the next meeting.
import type { messagesParticipantsDa } from './messagesParticipantsDa';

export const messagesParticipantsEn: Record<keyof typeof messagesParticipantsDa, string> = {
  'participants.list.remove': 'Remove',
  'participants.list.removeLabel': 'Remove {name}',
  'participants.list.keyShort': 'key {key}',
  'participants.same.question': 'Is {name} ({details}) the same person as the row \'{row}\'?',
  'participants.same.yes': 'Yes',
  'participants.same.no': 'No',
  'participants.same.twice': '{name} is listed twice.',
  'participants.same.merge': 'Merge',
  'participants.same.mergeLabel': 'Merge {name}',
  'participants.same.merged': '{name} is now on one row. Nothing was lost.',
  'participants.same.mergedNotKept': '{name} is now on one row. Not kept: {values}.',
  'participants.same.refused': 'The rows were not merged: each has its own key or its own organisation.',
  'participants.same.apart': '{name} stays on two rows.',
} as const;
