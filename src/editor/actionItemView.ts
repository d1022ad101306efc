// The action item's node view, in plain DOM: a "done" checkbox, the text (the editable content), and owner
// (suggesting the participants), organisation and due date. Each change is a ProseMirror transaction, so it
// goes through Yjs and undo like typing does. The checkbox shows the effective "done" (a tick made on Opfølgning
// lives in the document's `followUp` map, core/followUpState.ts); ticking it here writes the attribute and drops
// that entry in one Yjs transaction.
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection } from '@tiptap/pm/state';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { clearFollowUp, followUpMap, toFollowUpEntry } from '../core/followUpState';
import type { EditorLabels } from './editorLabels';
import { attrString } from './nodeAttributes';
import { controlsBox, labelledCheckbox, labelledInput, onEditableChange, setValue, uniqueDomId } from './nodeViewControls';
import { syncDocOf } from './yTiptapInternals';

/** A person the owner field suggests: choosing the name fills in the organisation. */
export interface ParticipantOption {
  name: string;
  organisation: string;
}

const MAX_FIELD = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REFERAT_ID = /^[0-9a-z-]{1,100}$/i;

export function actionItemView(props: NodeViewRendererProps, labels: EditorLabels, participants: () => ParticipantOption[]): NodeView {
  const { view, getPos } = props;
  const editor: Editor = props.editor;
  let node: PMNode = props.node;

  const dom = document.createElement('div');
  dom.className = 'action-item';
  dom.setAttribute('role', 'group');
  dom.setAttribute('aria-label', labels.actionItem);

  const head = controlsBox('action-item-head');
  // The marker names the block; pressing it selects the whole item (to copy, cut or delete it).
  const marker = document.createElement('span');
  marker.className = 'action-item-marker';
  marker.textContent = labels.actionItem;
  const done = labelledCheckbox(labels.done, 'action-item-done');
  head.append(marker, done.label);

  const text = document.createElement('div');
  text.className = 'action-item-text';

  const fields = controlsBox('action-item-fields');
  const owner = labelledInput(labels.owner, 'action-item-owner');
  const listId = uniqueDomId('action-item-owners');
  const ownerList = document.createElement('datalist');
  ownerList.id = listId;
  owner.input.setAttribute('list', listId);
  owner.label.append(ownerList);
  const organisation = labelledInput(labels.ownerOrganisation, 'action-item-organisation');
  const due = labelledInput(labels.due, 'action-item-due', 'date');
  owner.input.maxLength = MAX_FIELD;
  organisation.input.maxLength = MAX_FIELD;
  const origin = document.createElement('a');
  origin.className = 'action-item-origin';
  origin.textContent = labels.fromEarlierMeeting;
  fields.append(owner.label, organisation.label, due.label, origin);

  dom.append(head, text, fields);

  // The bound Y.Doc, for the follow-up state kept beside the text (null outside a collaborative editor).
  const ydoc = syncDocOf(view.state);
  const followUp = ydoc ? followUpMap(ydoc) : null;

  /** The tick as the referat reads it: the follow-up entry when there is one, else the attribute. */
  function effectiveDone(): boolean {
    const entry = followUp ? toFollowUpEntry(followUp.get(attrString(node.attrs, 'id'))) : null;
    return entry ? entry.done : node.attrs.done === true;
  }

  function render(): void {
    const attrs = node.attrs;
    dom.dataset.id = attrString(attrs, 'id');
    const isDone = effectiveDone();
    done.input.checked = isDone;
    dom.classList.toggle('is-done', isDone);
    setValue(owner.input, attrString(attrs, 'owner'));
    setValue(organisation.input, attrString(attrs, 'ownerOrganisation'));
    const dueValue = attrString(attrs, 'due');
    setValue(due.input, DATE.test(dueValue) ? dueValue : '');
    const originDoc = attrString(attrs, 'originDoc');
    if (REFERAT_ID.test(originDoc)) {
      origin.href = `/r/${encodeURIComponent(originDoc)}`;
      origin.hidden = false;
    } else {
      origin.removeAttribute('href');
      origin.hidden = true;
    }
    const disabled = !view.editable;
    for (const control of [done.input, owner.input, organisation.input, due.input]) control.disabled = disabled;
  }

  function setAttrs(patch: Record<string, string | boolean>): void {
    const pos = getPos();
    if (typeof pos !== 'number' || !view.editable) return;
    const current = view.state.doc.nodeAt(pos);
    if (!current || current.type !== node.type) return;
    if (Object.entries(patch).every(([k, v]) => current.attrs[k] === v)) return;
    view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, ...patch }));
  }

  function fillOwnerList(): void {
    const seen = new Set<string>();
    const options: HTMLOptionElement[] = [];
    for (const p of participants()) {
      if (!p.name || seen.has(p.name)) continue;
      seen.add(p.name);
      const option = document.createElement('option');
      option.value = p.name;
      if (p.organisation) option.label = p.organisation;
      options.push(option);
    }
    ownerList.replaceChildren(...options);
  }

  done.input.addEventListener('change', () => {
    const checked = done.input.checked;
    const id = attrString(node.attrs, 'id');
    if (!ydoc || !view.editable) {
      setAttrs({ done: checked });
      return;
    }
    // The editor's own origin, so the binding treats the whole transaction as the editor's change.
    ydoc.transact(() => {
      setAttrs({ done: checked });
      if (id) clearFollowUp(ydoc, id);
    }, ySyncPluginKey);
    render();
  });
  const onFollowUp = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(attrString(node.attrs, 'id'))) render();
  };
  followUp?.observe(onFollowUp);
  owner.input.addEventListener('focus', fillOwnerList);
  owner.input.addEventListener('input', () => {
    const name = owner.input.value.slice(0, MAX_FIELD);
    const known = participants().find((p) => p.name === name);
    setAttrs(known ? { owner: name, ownerOrganisation: known.organisation.slice(0, MAX_FIELD) } : { owner: name });
  });
  organisation.input.addEventListener('input', () => setAttrs({ ownerOrganisation: organisation.input.value.slice(0, MAX_FIELD) }));
  const onDue = () => {
    const value = due.input.value;
    if (value === '' || DATE.test(value)) setAttrs({ due: value });
  };
  due.input.addEventListener('input', onDue);
  due.input.addEventListener('change', onDue);
  marker.addEventListener('mousedown', (event) => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    event.preventDefault();
    view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)));
    view.focus();
  });
  const stopWatching = onEditableChange(editor, render);
  fillOwnerList();
  render();

  const inControls = (target: EventTarget | null) => target instanceof Node && (head.contains(target) || fields.contains(target));
  return {
    dom,
    contentDOM: text,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      render();
      return true;
    },
    stopEvent: (event) => inControls(event.target),
    ignoreMutation: (m: ViewMutationRecord) => !text.contains(m.target),
    destroy() {
      stopWatching();
      followUp?.unobserve(onFollowUp);
    },
  };
}
