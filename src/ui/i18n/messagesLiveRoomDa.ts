// Danish interface text for live rooms that end: invitation expiry and "Stop deling for alle".
export const messagesLiveRoomDa = {
  'liveRoom.expiry.label': 'Invitationen gælder i',
  'liveRoom.expiry.1': '1 dag',
  'liveRoom.expiry.7': '7 dage',
  'liveRoom.expiry.30': '30 dage',
  'liveRoom.expiresAt': 'Invitationen udløber {when}. Derefter forbinder linket ingen, og delingen stopper af sig selv.',
  'liveRoom.noExpiry': 'Denne invitation har ingen udløbsdato (et link fra en ældre version). Stop delingen, og invitér igen for at få et link, der udløber.',
  'liveRoom.stop': 'Stop deling for alle',
  'liveRoom.stopHelp': '»Stop deling for alle« afslutter delingen hos alle, der er forbundet nu. Linket virker derefter ikke længere, og en ny invitation får et nyt link.',
  'liveRoom.ended.byMe': 'Delingen er stoppet for alle, der var forbundet. Det gamle link virker ikke længere; en ny invitation får et nyt link.',
  'liveRoom.ended.byPeer': '{who} stoppede delingen for alle. Referatet og dine ændringer er gemt på denne enhed. Invitér igen for at dele på ny.',
  'liveRoom.ended.byUnknown': 'En deltager',
  'liveRoom.ended.expired': 'Invitationen udløb {when}, og delingen er stoppet. Referatet og dine ændringer er gemt på denne enhed. Invitér igen for at dele på ny.',
  'liveRoom.join.expired': 'Invitationen udløb {when}. Der er ikke gemt noget. Bed den, der inviterede dig, om et nyt link.',
  'liveRoom.join.expires': 'Invitationen udløber {when}.',
} as const;
