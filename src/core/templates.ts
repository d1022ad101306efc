// The agenda templates a referat can start from; their text is Danish, as the minutes are.
export interface Template {
  id: string;
  /** Bumped whenever the items change, so one template version always seeds identical bytes. */
  version: number;
  agenda: readonly string[];
}

export const STANDARD_TEMPLATE: Template = {
  id: 'standard',
  version: 1,
  agenda: [
    'Godkendelse af dagsorden',
    'Opfølgning fra sidste møde',
    'Status',
    'Beslutninger',
    'Næste møde',
    'Eventuelt',
  ],
};

export const TEMPLATES: readonly Template[] = [STANDARD_TEMPLATE];
