// The agenda templates a referat can start from; their text is Danish, as the minutes are.
export interface Template {
  id: string;
  /** Bumped whenever the items change, so one template version always seeds identical bytes. */
  version: number;
  agenda: readonly string[];
}

/** The standard Danish agenda. Version 2 seeds agenda items (format 2); version 1 seeded headings. */
export const STANDARD_TEMPLATE: Template = {
  id: 'standard',
  version: 2,
  agenda: ['Godkendelse af dagsorden', 'Opfølgning fra sidste møde', 'Status', 'Beslutninger', 'Næste møde', 'Eventuelt'],
};

/** A status meeting with the vendor (driftsmøde). */
export const DRIFTSMOEDE_TEMPLATE: Template = {
  id: 'driftsmoede',
  version: 1,
  agenda: [
    'Godkendelse af dagsorden',
    'Opfølgning fra sidste møde',
    'Drift og stabilitet siden sidste møde',
    'Hændelser og fejl',
    'Ændringer og kommende releases',
    'Beslutninger',
    'Næste møde',
    'Eventuelt',
  ],
};

/** A steering-group meeting (styregruppemøde). */
export const STYREGRUPPEMOEDE_TEMPLATE: Template = {
  id: 'styregruppemoede',
  version: 1,
  agenda: [
    'Godkendelse af dagsorden og referat fra sidste møde',
    'Opfølgning fra sidste møde',
    'Projektets status: tid, økonomi og kvalitet',
    'Risici og issues',
    'Beslutninger',
    'Kommunikation',
    'Næste møde',
    'Eventuelt',
  ],
};

export const BLANK_TEMPLATE: Template = { id: 'blank', version: 1, agenda: [] };

export const TEMPLATES: readonly Template[] = [STANDARD_TEMPLATE, DRIFTSMOEDE_TEMPLATE, STYREGRUPPEMOEDE_TEMPLATE, BLANK_TEMPLATE];

export const FOLLOW_UP_TITLE = 'Opfølgning fra sidste møde';
