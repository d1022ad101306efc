import { describe, expect, it } from 'vitest';
import { invitationUrl, newInvitation, parseInvitation } from './invite';

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
  ])('refuses %s as %s', (hash, reason) => {
    expect(parseInvitation(hash)).toEqual({ ok: false, reason });
  });
});
