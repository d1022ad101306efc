// English interface text for who wrote what (Hvem skrev hvad) on the live document.
import type { messagesAuthorsDa } from './messagesAuthorsDa';

export const messagesAuthorsEn: Record<keyof typeof messagesAuthorsDa, string> = {
  'authors.toggle': 'Who wrote what',
  'authors.toggleHelp': 'Colours the text by author and organisation. The name shows on hover and at the cursor.',
  'authors.listLabel': 'Authors of the text now',
  'authors.share': '{who}: {count} characters ({percent}%)',
  'authors.shareOne': '{who}: 1 character ({percent}%)',
  'authors.atCaret': 'At the cursor: written by {who}',
  'authors.atCaretNone': 'At the cursor: no text to name an author for',
  'authors.computing': 'Finding the authors …',
  'authors.empty': 'The text is empty.',
  'authors.template': 'the template',
  'authors.runTitleTemplate': 'From the template (nobody wrote it)',
  'authors.runTitleUnknown': 'Author unknown',
  'authors.atCaretTemplate': 'At the cursor: text from the template, which nobody wrote',
  'authors.atCaretUnknown': 'At the cursor: the author is unknown',
  'authors.runTitle': 'Written by {who}',
};
