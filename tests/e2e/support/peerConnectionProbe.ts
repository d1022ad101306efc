// Records every RTCPeerConnection a page makes: its states, and the ICE candidates it offered and was given.
import type { BrowserContext, Page } from 'playwright-core';

/** What one peer connection went through, as the page saw it. */
export interface ProbedConnection {
  /** Every connectionState and iceConnectionState it passed through, in order (e.g. "ice:checking", "failed"). */
  states: string[];
  /** Candidate lines this side gathered and signalled. */
  local: string[];
  /** Candidate lines the other side sent (through signalling). */
  remote: string[];
}

declare global {
  interface Window {
    __peerConnectionProbe?: ProbedConnection[];
  }
}

/** Runs in the page before any of its scripts: wraps the constructor that y-webrtc (simple-peer) looks up. */
function installProbe(): void {
  const Native = window.RTCPeerConnection;
  const seen: ProbedConnection[] = [];
  Object.defineProperty(window, '__peerConnectionProbe', { value: seen });
  class Probed extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      const rec: ProbedConnection = { states: [this.connectionState], local: [], remote: [] };
      seen.push(rec);
      this.addEventListener('connectionstatechange', () => rec.states.push(this.connectionState));
      this.addEventListener('iceconnectionstatechange', () => rec.states.push(`ice:${this.iceConnectionState}`));
      this.addEventListener('icecandidate', (e) => {
        if (e.candidate?.candidate) rec.local.push(e.candidate.candidate);
      });
      const add = this.addIceCandidate.bind(this);
      this.addIceCandidate = (candidate?: RTCIceCandidateInit | null) => {
        if (candidate?.candidate) rec.remote.push(candidate.candidate);
        return add(candidate ?? undefined);
      };
    }
  }
  window.RTCPeerConnection = Probed;
}

/** Installs the probe in every page of the context from its next navigation on. */
export async function probePeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(installProbe);
}

/** The connections the page made so far (none if the probe is missing). */
export function probedConnections({ page }: { page: Page }): Promise<ProbedConnection[]> {
  return page.evaluate(() => window.__peerConnectionProbe ?? []);
}

/** Whether any connection reached a state in which data can flow. */
export function anyConnected(connections: readonly ProbedConnection[]): boolean {
  return connections.some((c) => c.states.some((s) => s === 'connected' || s === 'ice:connected' || s === 'ice:completed'));
}

/** The addresses named by candidate lines ("candidate:… 1 udp 2122260223 10.1.0.2 40000 typ host …"). */
export function candidateAddresses(lines: readonly string[]): string[] {
  return [...new Set(lines.map((line) => line.split(' ')[4] ?? ''))].filter((a) => a !== '');
}
