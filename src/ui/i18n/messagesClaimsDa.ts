// Danish interface text for authorship claims, divergence and file checks.
export const messagesClaimsDa = {
} as const;
