// The visible and accessible words the editor's structured nodes use; the UI passes them in its language.
export interface EditorLabels {
  agendaItem: string;
  caseNumber: string;
  kleCode: string;
  moveUp: string;
  moveDown: string;
  /** The tooltip of an agenda item's drag handle (the handle itself is hidden from screen readers). */
  dragHandle: string;
  decision: string;
  actionItem: string;
  owner: string;
  ownerOrganisation: string;
  due: string;
  done: string;
  fromEarlierMeeting: string;
  insertMenu: string;
  /** The label of a placeholder for content from a newer version, which this editor keeps but cannot show. */
  unknownContent: string;
}

/** Danish defaults, for callers without an interface language (tests, tools). */
export const DANISH_EDITOR_LABELS: EditorLabels = {
  agendaItem: 'Dagsordenspunkt',
  caseNumber: 'Sagsnummer',
  kleCode: 'KLE-nummer',
  moveUp: 'Flyt op',
  moveDown: 'Flyt ned',
  dragHandle: 'Træk for at flytte punktet',
  decision: 'Beslutning',
  actionItem: 'Handlingspunkt',
  owner: 'Ansvarlig',
  ownerOrganisation: 'Organisation',
  due: 'Frist',
  done: 'Udført',
  fromEarlierMeeting: 'Fra tidligere møde',
  insertMenu: 'Indsæt',
  unknownContent: 'Ukendt indhold fra en nyere version',
};

