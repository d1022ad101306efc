// Danish interface text for content from a newer version, which the editor keeps but cannot show.
export const messagesUnknownDa = {
  'editor.unknownContent': 'Ukendt indhold fra en nyere version',
} as const;
