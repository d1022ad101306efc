// English interface text for a meeting series' stable invitation: one link for every referat of the series.
import type { messagesSeriesDa } from './messagesSeriesDa';

export const messagesSeriesEn: Record<keyof typeof messagesSeriesDa, string> = {
  'series.expiry.90': '90 days',
  'series.inviteHelp':
    'The invitation covers the whole series: the following meetings you create with "Next meeting" are shared with the same link until someone stops sharing or the invitation expires. If you meet once a month, choose 90 days.',
  'series.linkHelp':
    'The link also works for the following meetings of the series until someone stops sharing or the invitation expires. Whoever has the link finds the new meeting from here.',
  'series.stopHelp':
    '"Stop sharing for everyone" ends sharing of the whole series for everyone connected now. The link then stops working, for the earlier meetings too, and a new invitation gets a new link.',
  'series.notices.label': 'Other meetings of the series',
  'series.notice.next': 'Next meeting in the series: “{title}”, {date} (shared by {who})',
  'series.notice.nextNoDate': 'Next meeting in the series: “{title}” (shared by {who})',
  'series.notice.other': 'Another meeting in the series: “{title}”, {date} (shared by {who})',
  'series.notice.otherNoDate': 'Another meeting in the series: “{title}” (shared by {who})',
  'series.notice.untitled': 'untitled',
  'series.notice.unproven': '{name}, {organisation} – identity not proven',
  'series.notice.open': 'Open the invitation to “{title}”',
  'series.notice.help':
    'Title, date and name come from another participant and are not checked. You see the invitation and choose whether to join before anything is stored.',
  'series.join.sameSeriesOne':
    'This invitation belongs to the series you already share one referat of on this device. The same link works for the whole series.',
  'series.join.sameSeriesMany':
    'This invitation belongs to the series you already share {count} referater of on this device. The same link works for the whole series.',
};
