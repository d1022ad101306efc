// What a series invitation derives: one y-webrtc room per referat and one lobby per series, each with its own name
// and password, so two referater never meet in one room and the signalling server cannot link a series by name.
import { digest } from 'lib0/hash/sha256';
import { bytesToBase64Url } from './base64';

/** Names the derivations, so a name or password of one kind can never equal one of the other. */
export const DOC_ROOM_CONTEXT = 'referat-room/1';
export const LOBBY_ROOM_CONTEXT = 'referat-lobby/1';
/** Characters of the hash kept in a room name: 132 bits, as many as a random room id has. */
const NAME_CHARS = 22;

function hashedName(input: string): string {
  return `referat-${bytesToBase64Url(digest(new TextEncoder().encode(input))).slice(0, NAME_CHARS)}`;
}

/** The y-webrtc room one referat of the series syncs in: bound to the series room and the referat's id. */
export function docRoomName(roomId: string, docId: string): string {
  return hashedName(`${DOC_ROOM_CONTEXT}|${roomId}|${docId}`);
}

/** The series' lobby, where devices announce which referater of the series they hold (awareness only). */
export function lobbyRoomName(roomId: string): string {
  return hashedName(`${LOBBY_ROOM_CONTEXT}|${roomId}`);
}

/** The password of one referat's room: the series password bound to the referat's id. */
export function docRoomPassword(seriesPassword: string, docId: string): string {
  return `${seriesPassword}|${DOC_ROOM_CONTEXT}|${docId}`;
}

/** The password of the series' lobby. */
export function lobbyPassword(seriesPassword: string): string {
  return `${seriesPassword}|${LOBBY_ROOM_CONTEXT}`;
}
