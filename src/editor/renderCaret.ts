// Another participant's caret: a coloured bar with their name, hidden from screen readers so it never
// reads as part of the minutes text. The name is set as text, never as HTML.
const COLOR = /^#[0-9a-f]{6}$/i;

/** The peer's colour when it is a plain `#rrggbb`, else a neutral grey: it is written into style attributes. */
export function caretColor(user: Record<string, unknown>): string {
  return typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#4d4d4d';
}

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = caretColor(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 200) : '';
  caret.append(label);
  return caret;
}
