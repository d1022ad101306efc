// Danish interface text for known keys (Kendte nøgler) and organisation key lists.
export const messagesKnownKeysDa = {
} as const;
