// Small plain-DOM builders for the form controls inside node views: each control has a visible label,
// so it always has an accessible name, and none of it is part of the editable text.
import type { Editor } from '@tiptap/core';

let counter = 0;

/** An id unique on this page, for label/list references inside node views. */
export function uniqueDomId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** `<label><span>text</span><input></label>`; the label element is returned with its input. */
export function labelledInput(text: string, className: string, type = 'text'): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = document.createElement('label');
  label.className = `node-field ${className}`;
  const span = document.createElement('span');
  span.className = 'node-field-label';
  span.textContent = text;
  const input = document.createElement('input');
  input.type = type;
  input.autocomplete = 'off';
  label.append(span, input);
  return { label, input };
}

/** A checkbox with its label after it. */
export function labelledCheckbox(text: string, className: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = document.createElement('label');
  label.className = `node-check ${className}`;
  const input = document.createElement('input');
  input.type = 'checkbox';
  const span = document.createElement('span');
  span.textContent = text;
  label.append(input, span);
  return { label, input };
}

export function textButton(text: string, className: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = text;
  return button;
}

/** A non-editable container for controls, kept out of the text by ProseMirror (see the node views' stopEvent). */
export function controlsBox(className: string): HTMLDivElement {
  const box = document.createElement('div');
  box.className = className;
  box.contentEditable = 'false';
  return box;
}

/** Sets an input's value only when it differs, so a caret inside it does not jump. */
export function setValue(input: HTMLInputElement, value: string): void {
  if (input.value !== value) input.value = value;
}

/** Calls `onChange` when the editor is made editable or read-only; Tiptap says so only through its per-edit 'update' event. */
export function onEditableChange(editor: Editor, onChange: () => void): () => void {
  let editable = editor.isEditable;
  const listener = () => {
    if (editor.isEditable === editable) return;
    editable = editor.isEditable;
    onChange();
  };
  editor.on('update', listener);
  return () => editor.off('update', listener);
}
