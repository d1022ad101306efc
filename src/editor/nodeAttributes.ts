// Tiptap attribute specs that keep the JSON types of docs/FORMAT.md (strings, a boolean) and round-trip through HTML data-* attributes.
import type { Attribute } from '@tiptap/core';

/** A string attribute, '' by default, stored in HTML as `data-…` so copy and paste keep it. */
export function stringAttribute(key: string, dataName: string, keepOnSplit = true): Attribute {
  return {
    default: '',
    keepOnSplit,
    parseHTML: (el) => el.getAttribute(dataName) ?? '',
    renderHTML: (attrs) => {
      const v: unknown = attrs[key];
      return { [dataName]: typeof v === 'string' ? v : '' };
    },
  };
}

/** A boolean attribute, false by default, stored in HTML as `data-…="true"`. */
export function booleanAttribute(key: string, dataName: string): Attribute {
  return {
    default: false,
    parseHTML: (el) => el.getAttribute(dataName) === 'true',
    renderHTML: (attrs) => ({ [dataName]: attrs[key] === true ? 'true' : 'false' }),
  };
}

/** The id of a structured node: never copied onto the new half when a block is split. */
export function idAttribute(): Attribute {
  return stringAttribute('id', 'data-id', false);
}

/** A string attribute value as the node holds it; a peer may have written another type. */
export function attrString(attrs: Record<string, unknown>, key: string): string {
  const v = attrs[key];
  return typeof v === 'string' ? v : '';
}
