// English interface text for the document-first referat page, the menu and the keyboard paths.
import type { messagesLayoutDa } from './messagesLayoutDa';

export const messagesLayoutEn: Record<keyof typeof messagesLayoutDa, string> = {
  'layout.skipToText': 'Skip to the text',
  'layout.editorHelp': 'Press Esc to go from the text to the buttons after it. Tab from Title goes straight to the text.',
  'layout.sidePanel': 'Side panel',
  'layout.sideTabs': 'Show in the side panel',
  'layout.tab.all': 'All',
  'layout.tab.participants': 'Participants',
  'layout.tab.sharing': 'Sharing',
  'layout.tab.copies': 'Copies',
  'layout.tab.approvals': 'Approvals',
  'layout.tab.export': 'Export',
  'layout.tab.history': 'History',
  'layout.badge.missing': 'awaiting approval from {organisations}',
  'layout.badge.and': 'and',
  'layout.undoTrash': 'Undo',
  'layout.trashUndone': 'The referat is out of the trash again.',
  'layout.trashUndoFailed': 'The referat could not be taken out of the trash: {message}',
  'layout.openAgain': 'Open “{title}”',
} as const;
