// English interface text for joining a room and proving who live peers are; every key of messagesLiveTrustDa needs one.
import type { messagesLiveTrustDa } from './messagesLiveTrustDa';

export const messagesLiveTrustEn: Record<keyof typeof messagesLiveTrustDa, string> = {
};
