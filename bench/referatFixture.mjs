// A new referat as the app makes it (newReferatDoc + initReferat with the standard template), with a text node
// in the template's first empty paragraph (at whatever depth the format puts it): where the editor puts what is
// typed under the first agenda point. A template without one gets a paragraph appended to the body.
import * as Y from 'yjs';

/** @typedef {import('./appModules.mjs').CoreModules} CoreModules */

export const BENCH_CREATOR = /** @type {const} */ ({ name: 'Mette Holm', organisation: 'Aarhus Kommune', organisationKind: 'kommune' });

/**
 * @param {CoreModules} core
 * @param {{ id?: string }} [options]
 * @returns {{ doc: Y.Doc, paragraph: Y.XmlElement, text: Y.XmlText }}
 */
export function newReferatWithParagraph(core, options = {}) {
  const doc = core.newReferatDoc();
  core.initReferat(doc, {
    id: options.id ?? '3f2b8c1e-5d4a-4c6b-9e7f-0a1b2c3d4e5f',
    title: 'Styregruppemøde',
    date: '2026-03-04',
    createdAt: '2026-03-04T09:00:00.000Z',
    template: core.STANDARD_TEMPLATE,
    creator: BENCH_CREATOR,
  });
  const body = core.bodyFragment(doc);
  let paragraph = findElement(body, (e) => e.nodeName === 'paragraph' && e.length === 0);
  const text = new Y.XmlText();
  doc.transact(() => {
    if (!paragraph) {
      paragraph = new Y.XmlElement('paragraph');
      body.push([paragraph]);
    }
    paragraph.insert(0, [text]);
  });
  if (!paragraph) throw new Error('unreachable');
  return { doc, paragraph, text };
}

/**
 * Depth-first, in document order: the first element below `parent` that `test` accepts.
 * @param {Y.XmlFragment | Y.XmlElement} parent
 * @param {(e: Y.XmlElement) => boolean} test
 * @returns {Y.XmlElement | null}
 */
export function findElement(parent, test) {
  for (const node of parent.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (test(node)) return node;
    const inner = findElement(node, test);
    if (inner) return inner;
  }
  return null;
}

/**
 * The plain text of a Y.Text or Y.XmlText, without formatting markup.
 * @param {Y.Text} text
 * @returns {string}
 */
export function plainText(text) {
  let out = '';
  for (const op of text.toDelta()) if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/**
 * The text node of the first paragraph that holds text: where newReferatWithParagraph's text ends up after the
 * document has been stored and opened again.
 * @param {CoreModules} core
 * @param {Y.Doc} doc
 * @returns {Y.XmlText}
 */
export function typedText(core, doc) {
  const paragraph = findElement(core.bodyFragment(doc), (e) => e.nodeName === 'paragraph' && e.get(0) instanceof Y.XmlText);
  const text = paragraph?.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('no paragraph with text in this referat');
  return text;
}
