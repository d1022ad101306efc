// What one convergence fuzz run does (peers, steps, transports, final heal), drawn from its seed.
import { TEMPLATES, type Template } from '../../../src/core/templates';
import { Prng } from './prng';

/** How the peers start: all from the creator's copy, or some peers seed the template on their own first. */
export type SetupMode = 'shared' | 'dualSeed';
/** Which transports the random phase uses. */
export type Profile = 'live' | 'files' | 'mixed';
/** How everything is brought together at the end. */
export type FinalHeal = 'live' | 'files' | 'filesThenLive';

export interface FuzzConfig {
  seed: number;
  peers: number;
  /** Random steps (operations and deliveries) before the final heal. */
  steps: number;
  setup: SetupMode;
  profile: Profile;
  finalHeal: FinalHeal;
  /** In a live final heal: reconnect every peer, or only those known to have lost messages. */
  reconnectAll: boolean;
  /** A peer that never receives anything (live or file): only for testing that the checks can fail. */
  deafPeer: number | null;
  /** Title typing includes emoji (surrogate pairs), as real titles do. */
  emoji: boolean;
  /** The template the referat is created from (and that dual seeders seed on their own). */
  template: Template;
}

export function configForSeed(seed: number, overrides: Partial<FuzzConfig> = {}): FuzzConfig {
  const rng = new Prng(seed ^ 0x5a5a5a5a);
  return {
    seed,
    peers: rng.pick([5, 5, 6, 6, 7]),
    steps: rng.range(45, 85),
    setup: rng.bool(0.3) ? 'dualSeed' : 'shared',
    profile: rng.pick<Profile>(['live', 'live', 'files', 'mixed', 'mixed']),
    finalHeal: rng.pick<FinalHeal>(['live', 'live', 'files', 'filesThenLive']),
    reconnectAll: rng.bool(0.3),
    deafPeer: null,
    emoji: true,
    template: rng.pick(TEMPLATES),
    ...overrides,
  };
}
