// English interface text for "what changed since you last looked"; every key of messagesUnseenDa needs one.
import type { messagesUnseenDa } from './messagesUnseenDa';

export const messagesUnseenEn: Record<keyof typeof messagesUnseenDa, string> = {
  'unseen.heading': 'Changed since you last looked',
  'unseen.summary.one': '1 change by {who} since {when}.',
  'unseen.summary.many': '{count} changes by {who} since {when}.',
  'unseen.summary.several': '{count} changes since {when}:',
  'unseen.author.one': '1 change by {who}',
  'unseen.author.many': '{count} changes by {who}',
  'unseen.unverified': '{who} (not confirmed: no valid signature binds the changes to the key)',
  'unseen.unknown': 'an unknown author',
  'unseen.show': 'Show the changes',
  'unseen.hide': 'Hide the changes',
  'unseen.markSeen': 'Mark as seen',
  'unseen.lastSeen': 'What you last saw ({when})',
  'unseen.notComparable': 'The referat changed in a way this copy cannot show the difference of (what you last saw {when} is no longer in this copy). Open the versions to compare.',
};
