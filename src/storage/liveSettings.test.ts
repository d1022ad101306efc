import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useFreshLibraryDatabases } from '../testSupport/freshLibraryDatabase';
import { loadLiveSettings, saveLiveSettings } from './liveSettings';

describe('live settings', () => {
  const freshDb = useFreshLibraryDatabases();

  it('find the signalling server on the app’s own origin by default, wss: under https:', async () => {
    const db = await freshDb();
    expect(await loadLiveSettings(db, { protocol: 'https:', host: 'referat.aarhus.dk' })).toEqual({ signallingUrls: ['wss://referat.aarhus.dk/signal'], iceServers: [] });
    expect((await loadLiveSettings(db, { protocol: 'http:', host: '127.0.0.1:8080' })).signallingUrls).toEqual(['ws://127.0.0.1:8080/signal']);
  });

  it('keep what the user saved, and skip stored values that are not addresses', async () => {
    const db = await freshDb();
    await saveLiveSettings(db, { signallingUrls: ['ws://referat.local:4444'], iceServers: [{ urls: 'turn:turn.aarhus.dk', username: 'u', credential: 'c' }] });
    expect(await loadLiveSettings(db, { protocol: 'https:', host: 'x.dk' })).toEqual({ signallingUrls: ['ws://referat.local:4444'], iceServers: [{ urls: 'turn:turn.aarhus.dk', username: 'u', credential: 'c' }] });
    await db.settings.put({ key: 'live', value: { signallingUrls: ['javascript:alert(1)', 'wss://ok.dk/signal'], iceServers: 'nope' } });
    expect(await loadLiveSettings(db, { protocol: 'https:', host: 'x.dk' })).toEqual({ signallingUrls: ['wss://ok.dk/signal'], iceServers: [] });
    await expect(saveLiveSettings(db, { signallingUrls: ['http://x.dk'], iceServers: [] })).rejects.toThrow(RangeError);
  });
});
