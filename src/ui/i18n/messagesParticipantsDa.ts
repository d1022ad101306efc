// Danish interface text for one participant row per person, and the next meeting.
export const messagesParticipantsDa = {
  'participants.list.remove': 'Fjern',
  'participants.list.removeLabel': 'Fjern {name}',
  'participants.list.keyShort': 'nøgle {key}',
  'participants.same.question': 'Er {name} ({details}) den samme som rækken \'{row}\'?',
  'participants.same.yes': 'Ja',
  'participants.same.no': 'Nej',
  'participants.same.twice': '{name} står to gange.',
  'participants.same.merge': 'Flet',
  'participants.same.mergeLabel': 'Flet {name}',
  'participants.same.merged': '{name} står nu på én række. Intet gik tabt.',
  'participants.same.mergedNotKept': '{name} står nu på én række. Ikke beholdt: {values}.',
  'participants.same.refused': 'Rækkerne blev ikke flettet: de har hver sin nøgle eller hver sin organisation.',
  'participants.same.apart': '{name} beholdes på to rækker.',
} as const;
