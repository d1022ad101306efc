// English interface text for the aktindsigt package and the whole-library backup and restore; every key of messagesPackageDa needs one.
import type { messagesPackageDa } from './messagesPackageDa';

export const messagesPackageEn: Record<keyof typeof messagesPackageDa, string> = {
};
