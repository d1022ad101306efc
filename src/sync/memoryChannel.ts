// In-memory SyncChannel hub for tests: N endpoints on one bus, with delivery held until the test releases it.
import type { SyncChannel } from './syncChannel';

interface Queued {
  to: number;
  message: Uint8Array;
}

export class MemoryHub {
  private endpoints: Array<Set<(m: Uint8Array) => void>> = [];
  readonly queue: Queued[] = [];
  /** When true, messages wait in `queue` until deliver() is called. */
  held = false;

  endpoint(): SyncChannel {
    const index = this.endpoints.length;
    const receivers = new Set<(m: Uint8Array) => void>();
    this.endpoints.push(receivers);
    return {
      send: (message) => {
        this.endpoints.forEach((_, to) => {
          if (to === index) return;
          if (this.held) this.queue.push({ to, message });
          else this.deliverTo(to, message);
        });
      },
      subscribe(receive) {
        receivers.add(receive);
        return () => receivers.delete(receive);
      },
      close: () => receivers.clear(),
    };
  }

  private deliverTo(to: number, message: Uint8Array): void {
    for (const r of this.endpoints[to] ?? []) r(message);
  }

  /** Delivers queued messages in the order `pick` chooses (default: first in, first out) until none are left. */
  deliver(pick: (n: number) => number = () => 0): void {
    while (this.queue.length > 0) {
      const [item] = this.queue.splice(pick(this.queue.length), 1);
      if (item) this.deliverTo(item.to, item.message);
    }
  }
}
