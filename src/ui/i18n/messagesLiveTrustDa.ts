// Danish interface text for joining a room and proving who live peers are.
export const messagesLiveTrustDa = {
} as const;
