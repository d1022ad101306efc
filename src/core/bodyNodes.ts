// Names and attributes of the structured nodes in a referat's body (docs/FORMAT.md, format 2). Core writes
// them with plain Y.XmlElements; the editor's Tiptap schema (src/editor) must use exactly these.
export const AGENDA_ITEM = 'agendaItem';
export const AGENDA_TITLE = 'agendaTitle';
export const DECISION = 'decision';
export const ACTION_ITEM = 'actionItem';
export const PARAGRAPH = 'paragraph';

/** Attributes of an action item; y-prosemirror stores them with their JSON types. */
export interface ActionItemAttrs {
  id: string;
  owner: string;
  ownerOrganisation: string;
  /** `YYYY-MM-DD` or ''. */
  due: string;
  done: boolean;
  /** Where a carried-forward item came from: the referat id and the item id there, or '' for none. */
  originDoc: string;
  originItem: string;
}
