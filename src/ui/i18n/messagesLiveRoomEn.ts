// English interface text for live rooms that end: invitation expiry and "Stop sharing for everyone".
import type { messagesLiveRoomDa } from './messagesLiveRoomDa';

export const messagesLiveRoomEn: Record<keyof typeof messagesLiveRoomDa, string> = {
  'liveRoom.expiry.label': 'The invitation lasts',
  'liveRoom.expiry.1': '1 day',
  'liveRoom.expiry.7': '7 days',
  'liveRoom.expiry.30': '30 days',
  'liveRoom.expiresAt': 'The invitation expires {when}. After that the link connects nobody, and sharing stops by itself.',
  'liveRoom.noExpiry': 'This invitation has no expiry (a link from an older version). Stop sharing and invite again to get a link that expires.',
  'liveRoom.stop': 'Stop sharing for everyone',
  'liveRoom.stopHelp': '“Stop sharing for everyone” ends sharing for everyone connected now. The link no longer works after that, and a new invitation gets a new link.',
  'liveRoom.ended.byMe': 'Sharing has stopped for everyone who was connected. The old link no longer works; a new invitation gets a new link.',
  'liveRoom.ended.byPeer': '{who} stopped sharing for everyone. The referat and your changes are kept on this device. Invite again to share anew.',
  'liveRoom.ended.byUnknown': 'A participant',
  'liveRoom.ended.expired': 'The invitation expired {when}, and sharing has stopped. The referat and your changes are kept on this device. Invite again to share anew.',
  'liveRoom.join.expired': 'The invitation expired {when}. Nothing was stored. Ask the person who invited you for a new link.',
  'liveRoom.join.expires': 'The invitation expires {when}.',
};
