// Danish interface text for locked approved referater, reopening and follow-up state.
export const messagesLockDa = {
} as const;
