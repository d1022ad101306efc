// English interface text for authorship claims, divergence and file checks; every key of messagesClaimsDa needs one.
import type { messagesClaimsDa } from './messagesClaimsDa';

export const messagesClaimsEn: Record<keyof typeof messagesClaimsDa, string> = {
};
