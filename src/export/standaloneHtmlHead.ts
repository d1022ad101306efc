// The opening of every standalone HTML file Referat writes: language, and a policy that loads nothing and runs no script.
import { escapeMarkup as esc } from './escapeMarkup';
import type { ExportLanguage } from './exportOptions';

/** `<!doctype html>` up to and including `<body>`; `style` is trusted CSS from this code, never user text. */
export function standaloneHtmlHead(lang: ExportLanguage, title: string, style: string): string {
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'da'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${style}</style>
</head>
<body>`;
}
