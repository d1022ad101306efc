// English interface text for approving a referat; every key of messagesApprovalDa needs one.
import type { messagesApprovalDa } from './messagesApprovalDa';

export const messagesApprovalEn: Record<keyof typeof messagesApprovalDa, string> = {
};
