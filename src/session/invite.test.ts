import { describe, expect, it } from 'vitest';
import { invitationUrl, isExpired, newInvitation, parseInvitation, roomPassword } from './invite';

const docId = '0b7c2f7e-3d4b-4f43-9a51-5a6f2c1d9e10';

describe('invitations', () => {
  it('puts room and secret in the fragment only, and reads them back', () => {
    const inv = newInvitation(docId);
    const url = new URL(invitationUrl('https://referat.kommune.dk', inv));
    expect(url.pathname).toBe('/join');
    expect(url.search).toBe('');
    expect(url.hash).toContain(inv.secret);
    expect(parseInvitation(url.hash)).toEqual({ ok: true, invitation: inv });
    expect(inv.secret).not.toBe(newInvitation(docId).secret);
    expect(inv.secret.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['', 'missing'],
    ['#doc=x&room=abcdefghijklmnop&key=abcdefghijklmnopabcdefghijklmnop', 'malformed'],
    [`#doc=${docId}&room=short&key=abcdefghijklmnopabcdefghijklmnop`, 'malformed'],
    [`#doc=${docId}&room=abcdefghijklmnop&key=<script>alert(1)</script>`, 'malformed'],
    [`#doc=${docId}&room=abcdefghijklmnop`, 'malformed'],
    [`#${'a'.repeat(2000)}`, 'malformed'],
    [`#doc=${docId}&room=abcdefghijklmnop&key=abcdefghijklmnopabcdefghijklmnop&exp=soon`, 'malformed'],
    [`#doc=${docId}&room=abcdefghijklmnop&key=abcdefghijklmnopabcdefghijklmnop&exp=1.5`, 'malformed'],
    [`#doc=${docId}&room=abcdefghijklmnop&key=abcdefghijklmnopabcdefghijklmnop&exp=-1`, 'malformed'],
  ])('refuses %s as %s', (hash, reason) => {
    expect(parseInvitation(hash)).toEqual({ ok: false, reason });
  });

  it('gives every invitation a new room and secret, and an expiry (7 days by default) that the link carries', () => {
    const now = Date.parse('2026-12-06T10:00:00.250Z');
    const a = newInvitation(docId, undefined, now);
    const b = newInvitation(docId, 1, now);
    expect(a.expiresAt).toBe(Date.parse('2026-12-13T10:00:00Z'));
    expect(b.expiresAt).toBe(Date.parse('2026-12-07T10:00:00Z'));
    expect(new Set([a.roomId, b.roomId]).size).toBe(2);
    expect(new Set([a.secret, b.secret]).size).toBe(2);
    expect(new URL(invitationUrl('https://referat.kommune.dk', b)).hash).toContain(`exp=${Date.parse('2026-12-07T10:00:00Z') / 1000}`);
    expect(isExpired(b, Date.parse('2026-12-07T09:59:59Z'))).toBe(false);
    expect(isExpired(b, Date.parse('2026-12-07T10:00:00Z'))).toBe(true);
  });

  it('binds the expiry into the room password, so an edited expiry meets nobody; a link without expiry keeps the bare secret', () => {
    const inv = newInvitation(docId, 1, Date.parse('2026-12-06T10:00:00Z'));
    const edited = { ...inv, expiresAt: Date.parse('2027-12-06T10:00:00Z') };
    expect(roomPassword(inv)).not.toBe(roomPassword(edited));
    expect(roomPassword(inv).startsWith(inv.secret)).toBe(true);
    const old = parseInvitation(`#doc=${docId}&room=${inv.roomId}&key=${inv.secret}`);
    expect(old).toEqual({ ok: true, invitation: { ...inv, expiresAt: null } });
    expect(old.ok && roomPassword(old.invitation)).toBe(inv.secret);
    expect(old.ok && isExpired(old.invitation, Date.parse('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
