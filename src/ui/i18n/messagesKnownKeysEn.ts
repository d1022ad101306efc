// English interface text for known keys (Kendte nøgler) and organisation key lists; every key of messagesKnownKeysDa needs one.
import type { messagesKnownKeysDa } from './messagesKnownKeysDa';

export const messagesKnownKeysEn: Record<keyof typeof messagesKnownKeysDa, string> = {
};
