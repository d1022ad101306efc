// Danish interface text for the aktindsigt package and the whole-library backup and restore; merged into messagesDa.
export const messagesPackageDa = {
} as const;
