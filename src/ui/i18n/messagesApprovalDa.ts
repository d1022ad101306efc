// Danish interface text for approving a referat; merged into messagesDa.
export const messagesApprovalDa = {
} as const;
