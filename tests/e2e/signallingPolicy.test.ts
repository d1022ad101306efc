// A signalling address the server's Content-Security-Policy forbids is saved with a warning that says so; one it
// allows is saved without. The harness allows ws://127.0.0.1:* (as CONNECT_SOURCES would).
import { describe, expect, it } from 'vitest';
import { ReferatApp } from './pages/ReferatApp';
import { useBrowserFixture } from './support/browserFixture';

describe('signalling addresses and the security policy', () => {
  const fx = useBrowserFixture();

  it('warns when the policy blocks a signalling address, and not when it allows it', async () => {
    const app = await ReferatApp.open(await fx.newContext(), fx.server.url);
    await app.setUpProfile({ name: 'Mette Holm', organisation: 'Aarhus Kommune' });
    await app.setSignalling('wss://signal.example.dk');
    const warning = app.page.getByTestId('signalling-blocked');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('tillader ikke appen at forbinde til wss://signal.example.dk');
    await app.setSignalling('ws://127.0.0.1:9');
    // The allowed address is tried and found allowed: the warning goes and none comes back.
    await expect.poll(() => warning.count()).toBe(0);
    await new Promise((r) => setTimeout(r, 600));
    expect(await warning.count()).toBe(0);
  });
});
