// English interface text for plain words: the copy ledger, approvals, storage and feedback.
import type { messagesWordsDa } from './messagesWordsDa';

export const messagesWordsEn: Record<keyof typeof messagesWordsDa, string> = {
  'words.moment': '{date} at {time}',
  'words.paragraphs.one': '1 paragraph',
  'words.paragraphs.many': '{count} paragraphs',
  'words.words.one': '1 word',
  'words.words.many': '{count} words',
  'words.wordsIn': '{words} in {paragraphs}',

  'words.ledger.complete': '{who} has everything you have, as of {when}.',
  'words.ledger.complete.relay': '{who} has everything you have, as of {when} (acknowledged through the relay).',
  'words.ledger.missingToday': '{who} is missing your latest edits from today',
  'words.ledger.missingYesterday': '{who} is missing your edits since yesterday',
  'words.ledger.missingSince': '{who} is missing your edits since {day}',
  'words.ledger.missing': '{who} is missing your latest edits',
  'words.ledger.missingWhat': '{sentence}: {what}.',
  'words.ledger.missingNothingSeen': '{sentence}.',
  'words.ledger.details': 'the meeting details',
  'words.ledger.participants': 'the participant list',
  'words.ledger.approvals': 'approvals',
  'words.ledger.lastSeen.live': 'Last seen {when} while editing together.',
  'words.ledger.lastSeen.file': 'Last seen {when} in a file from them.',
  'words.ledger.lastSeen.relay': 'Last seen {when} through the relay.',
  'words.ledger.sent': 'You sent a copy {when}. They have not sent a copy back since.',
  'words.ledger.neverHeld': 'Not seen yet.',
  'words.ledger.send': 'Export what {who} is missing',

  'words.approval.by': 'Approved by {who}, {when}',
  'words.approval.claimedBy': 'Invalid approval in the name of {who}, {when}',
  'words.approval.confirmed': 'confirmed',
  'words.approval.own': 'your own',
  'words.approval.unconfirmed': 'unconfirmed key – does not count',
  'words.approval.invalid': 'does not count',
  'words.approval.earlier': 'an earlier version',
  'words.approval.key': 'Key:',
  'words.approval.hash': 'Hash: {hash}',
  'words.approval.signatureValid': 'The signature is valid.',
  'words.approval.signatureInvalid': 'The signature is invalid.',

  'words.backup.doneOne': 'The backup is saved: 1 referat, {size}, as “{name}”.',

  'words.live.connectedOne': 'Connected to 1 other',

  'words.trash.restore': 'Restore',
  'words.trash.delete': 'Delete for good',

  'words.import.close': 'Close',
  'words.import.closeAll': 'Close the import messages',
  'words.import.changesBy': 'New edits by {list}.',

  'words.storage.granted': 'The browser has promised not to delete the referater. They stay on this device even when space runs short.',
  'words.storage.notGranted':
    'The browser has not promised to keep the referater. When space on the device runs short, it may delete everything this site stored without asking – and the referater may exist only here.',
  'words.storage.unknown': 'The browser cannot say whether it keeps the referater. Assume it may delete them when space runs short.',
  'words.storage.answerGranted': 'The browser said yes: it has promised not to delete the referater.',
  'words.storage.answerRefused':
    'The browser said no. It decides for itself when to allow it (for example when the site is installed as an app or bookmarked), and it may delete the referater when space runs short. So make a backup regularly, and keep it somewhere else.',
  'words.storage.answerUnknown': 'This browser cannot be asked for persistent storage. Make a backup regularly, and keep it somewhere else.',
  'words.storage.lastBackup': 'Last backup from this device: {when}.',
  'words.storage.noBackup': 'No backup has been made from this device.',
  'words.storage.adviseNone': 'Make a backup now under “Backup” above, and keep it somewhere other than this device.',
  'words.storage.adviseOld': 'The last backup is more than a week old. Make a new one under “Backup” above, and keep it somewhere other than this device.',
};
