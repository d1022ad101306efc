// One device for live co-editing tests: its own browser profile, a set-up profile and the test's signalling server.
import { ReferatApp } from '../pages/ReferatApp';
import type { BrowserFixture } from './browserFixture';

export async function liveDevice(
  fx: BrowserFixture,
  signallingPort: number,
  person: { name: string; organisation: string; kind: 'Kommune' | 'Leverandør' },
): Promise<ReferatApp> {
  const context = await fx.newContext();
  // With a media permission Chromium offers plain loopback candidates instead of mDNS names the namespace cannot resolve.
  await context.grantPermissions(['microphone'], { origin: new URL(fx.server.url).origin });
  const app = await ReferatApp.open(context, fx.server.url);
  await app.setUpProfile(person);
  await app.setSignalling(`ws://127.0.0.1:${signallingPort}`);
  await app.nav('Bibliotek');
  return app;
}
