// Text as a CSS string literal, for generated content (`content: …`) built from user text.
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}"`;
}
