// Tabs in one browser: a SyncChannel over BroadcastChannel, one channel per referat.
import type { SyncChannel } from './syncChannel';

/**
 * Messages are posted in the task after `send`, in order: a keystroke's update is sent after the keystroke has been
 * handled rather than inside the editor's transaction (posting copies the message and crosses to the browser process).
 */
export function broadcastChannelTransport(name: string): SyncChannel {
  const bc = new BroadcastChannel(name);
  const receivers = new Set<(m: Uint8Array) => void>();
  let queue: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const out = queue;
    queue = [];
    for (const m of out) bc.postMessage(m);
  };
  bc.onmessage = (e: MessageEvent) => {
    if (!(e.data instanceof Uint8Array)) return;
    for (const r of receivers) r(e.data);
  };
  return {
    send(m) {
      queue.push(m);
      timer ??= setTimeout(flush, 0);
    },
    subscribe(receive) {
      receivers.add(receive);
      return () => receivers.delete(receive);
    },
    close() {
      if (timer) clearTimeout(timer);
      flush();
      receivers.clear();
      bc.close();
    },
  };
}
