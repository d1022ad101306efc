// The agenda item's node view, in plain DOM: case number and KLE fields, move buttons and a drag handle outside
// the editable content; the title and blocks inside it. The number is a CSS counter. The controls show on hover and
// on focus (styles.css), and always once a field holds a value (`has-fields`); Escape in them goes back to the text.
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { NodeView, ViewMutationRecord } from '@tiptap/pm/view';
import { dropAgendaItem, endAgendaDrag, isAgendaDrag, startAgendaDrag } from './agendaItemDrag';
import type { EditorLabels } from './editorLabels';
import { moveAgendaItemAt, type Direction } from './moveAgendaItem';
import { attrString } from './nodeAttributes';
import { controlsBox, labelledInput, onEditableChange, setValue, textButton } from './nodeViewControls';

const MAX_FIELD = 100;

export function agendaItemView(props: NodeViewRendererProps, labels: EditorLabels): NodeView {
  const { view, getPos } = props;
  const editor: Editor = props.editor;
  let node: PMNode = props.node;

  const dom = document.createElement('section');
  dom.className = 'agenda-item';
  const fields = controlsBox('agenda-item-fields');
  const caseNumber = labelledInput(labels.caseNumber, 'agenda-case-number');
  const kleCode = labelledInput(labels.kleCode, 'agenda-kle-code');
  caseNumber.input.maxLength = MAX_FIELD;
  kleCode.input.maxLength = MAX_FIELD;
  const up = textButton(labels.moveUp, 'agenda-move agenda-move-up');
  const down = textButton(labels.moveDown, 'agenda-move agenda-move-down');
  // The mouse path; keyboard and screen-reader users have the buttons, so the handle is hidden from them.
  const handle = document.createElement('span');
  handle.className = 'agenda-drag-handle';
  handle.draggable = true;
  handle.title = labels.dragHandle;
  handle.setAttribute('aria-hidden', 'true');
  handle.textContent = '⠿';
  fields.append(caseNumber.label, kleCode.label, up, down, handle);
  const content = document.createElement('div');
  content.className = 'agenda-item-content';
  dom.append(fields, content);

  function render(): void {
    dom.dataset.id = attrString(node.attrs, 'id');
    setValue(caseNumber.input, attrString(node.attrs, 'caseNumber'));
    setValue(kleCode.input, attrString(node.attrs, 'kleCode'));
    dom.classList.toggle('has-fields', caseNumber.input.value !== '' || kleCode.input.value !== '');
    const disabled = !view.editable;
    for (const control of [caseNumber.input, kleCode.input, up, down]) control.disabled = disabled;
  }

  function setAttr(name: 'caseNumber' | 'kleCode', value: string): void {
    const pos = getPos();
    if (typeof pos !== 'number' || !view.editable) return;
    const current = view.state.doc.nodeAt(pos);
    if (!current || current.type !== node.type || current.attrs[name] === value) return;
    view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, [name]: value.slice(0, MAX_FIELD) }));
  }

  function move(dir: Direction, button: HTMLButtonElement): void {
    const pos = getPos();
    if (typeof pos !== 'number' || !view.editable) return;
    const tr = view.state.tr;
    const newPos = moveAgendaItemAt(tr, pos, dir, true);
    if (newPos === null) return;
    view.dispatch(tr);
    // The item's DOM may be rebuilt where it landed: keep keyboard focus on the same button there.
    const landed = view.nodeDOM(newPos);
    const same = landed instanceof HTMLElement ? landed.querySelector<HTMLButtonElement>(dir === -1 ? '.agenda-move-up' : '.agenda-move-down') : null;
    (same ?? button).focus();
  }

  caseNumber.input.addEventListener('input', () => setAttr('caseNumber', caseNumber.input.value));
  kleCode.input.addEventListener('input', () => setAttr('kleCode', kleCode.input.value));
  const clearDropMark = () => dom.classList.remove('drop-before', 'drop-after');
  const dropsAfter = (event: DragEvent) => {
    const box = dom.getBoundingClientRect();
    return event.clientY > box.top + box.height / 2;
  };
  handle.addEventListener('dragstart', (event) => {
    if (!view.editable) return event.preventDefault();
    startAgendaDrag(event, view, attrString(node.attrs, 'id'), dom);
  });
  handle.addEventListener('dragend', () => endAgendaDrag());
  dom.addEventListener('dragover', (event) => {
    if (!isAgendaDrag(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const after = dropsAfter(event);
    dom.classList.toggle('drop-after', after);
    dom.classList.toggle('drop-before', !after);
  });
  dom.addEventListener('dragleave', (event) => {
    if (!(event.relatedTarget instanceof Node && dom.contains(event.relatedTarget))) clearDropMark();
  });
  dom.addEventListener('drop', (event) => {
    if (!isAgendaDrag(event)) return;
    event.preventDefault();
    event.stopPropagation();
    clearDropMark();
    const pos = getPos();
    if (typeof pos === 'number') dropAgendaItem(view, pos, dropsAfter(event));
  });
  // Escape in the controls: back to the start of the item's title, as Tab from the text came here.
  fields.addEventListener('keydown', (event) => {
    const pos = getPos();
    if (event.key !== 'Escape' || typeof pos !== 'number') return;
    event.preventDefault();
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos + 1))));
    view.focus();
  });
  up.addEventListener('click', () => move(-1, up));
  down.addEventListener('click', () => move(1, down));
  const stopWatching = onEditableChange(editor, render);
  render();

  return {
    dom,
    contentDOM: content,
    update(next) {
      if (next.type !== node.type) return false;
      node = next;
      render();
      return true;
    },
    stopEvent: (event) => (event.target instanceof Node && fields.contains(event.target)) || isAgendaDrag(event),
    ignoreMutation: (m: ViewMutationRecord) => !content.contains(m.target),
    destroy() {
      stopWatching();
    },
  };
}
