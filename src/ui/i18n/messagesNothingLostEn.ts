// English interface text for "nothing typed is lost"; every key of messagesNothingLostDa needs one.
import type { messagesNothingLostDa } from './messagesNothingLostDa';

export const messagesNothingLostEn: Record<keyof typeof messagesNothingLostDa, string> = {
  'nothingLost.title': 'The latest changes are not saved',
  'nothingLost.body':
    'Referat could not save your latest changes on this device. Save a copy elsewhere before you leave. If you leave anyway, the browser holds on to the changes, and Referat saves them the next time the referat is opened.',
  'nothingLost.stay': 'Stay in the referat',
  'nothingLost.leave': 'Leave anyway',
  'nothingLost.reason.versionChange': 'Referat has been opened in a newer version in another tab',
  'nothingLost.versionChange':
    'Referat has been updated in another tab, so this tab can no longer save. Reload the page to go on. What you have written is not lost.',
  'nothingLost.reload': 'Reload the page',
};
