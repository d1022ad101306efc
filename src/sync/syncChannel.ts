// The one small interface every transport implements: a bus that carries opaque byte messages between peers.
export interface SyncChannel {
  send(message: Uint8Array): void;
  /** Registers the receiver; returns a function that removes it. */
  subscribe(receive: (message: Uint8Array) => void): () => void;
  close(): void;
}
