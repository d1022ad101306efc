// Tabs in one browser: a SyncChannel over BroadcastChannel, one channel per referat.
import type { SyncChannel } from './syncChannel';

export function broadcastChannelTransport(name: string): SyncChannel {
  const bc = new BroadcastChannel(name);
  const receivers = new Set<(m: Uint8Array) => void>();
  bc.onmessage = (e: MessageEvent) => {
    if (!(e.data instanceof Uint8Array)) return;
    for (const r of receivers) r(e.data);
  };
  return {
    send: (m) => bc.postMessage(m),
    subscribe(receive) {
      receivers.add(receive);
      return () => receivers.delete(receive);
    },
    close() {
      receivers.clear();
      bc.close();
    },
  };
}
