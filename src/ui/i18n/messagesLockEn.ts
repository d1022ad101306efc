// English interface text for locked approved referater, reopening and follow-up state; every key of messagesLockDa needs one.
import type { messagesLockDa } from './messagesLockDa';

export const messagesLockEn: Record<keyof typeof messagesLockDa, string> = {
};
