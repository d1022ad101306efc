// English interface text for locked approved referater, reopening and follow-up state; every key of messagesLockDa needs one.
import type { messagesLockDa } from './messagesLockDa';

export const messagesLockEn: Record<keyof typeof messagesLockDa, string> = {
  'lock.badgeLabel': 'Status of the referat',
  'lock.orgState': '{organisation}: {state}',
  'lock.org.approved': 'approved',
  'lock.org.unconfirmedKey': 'approved with an unconfirmed key',
  'lock.org.earlierVersion': 'approved an earlier version',
  'lock.org.missing': 'missing',
  'lock.checking': 'Checking the approvals …',
  'lock.locked': 'The referat is approved and locked: the text, the meeting details and the participants cannot be changed.',
  'lock.reopen': 'Reopen the referat',
  'lock.confirmTitle': 'Reopen the referat?',
  'lock.confirmWhat': 'Once the referat is reopened, the approvals given so far belong to an earlier version. Every party must approve it again.',
  'lock.confirmWho': 'The reopening is recorded in the referat with your name, {name} ({organisation}), and signed with your key {fingerprint}. Everyone with a copy can see it.',
  'lock.confirm': 'Reopen',
  'lock.cancel': 'Cancel',
  'lock.reopening': 'Reopening the referat …',
  'lock.reopened': 'The referat is reopened and can be edited. The approvals now belong to an earlier version.',
  'lock.failed': 'The referat was not reopened: {message}. Nothing was changed.',
  'lock.historyLabel': 'Reopenings',
  'lock.reopenedBy': 'Reopened {when} by',
} as const;
