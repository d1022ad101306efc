// English interface text for content from a newer version, which the editor keeps but cannot show.
export const messagesUnknownEn = {
  'editor.unknownContent': 'Unknown content from a newer version',
} as const;
