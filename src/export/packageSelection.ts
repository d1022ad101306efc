// What an aktindsigt package was asked for: the filter the referater were chosen by, and whether history goes in.
import type { ReferatStatus } from '../core/meta';

export interface PackageSelection {
  /** Party or organisation (matches organisations and participant names), '' for any. */
  party: string;
  /** Meeting dates `YYYY-MM-DD`, inclusive; '' for open. */
  from: string;
  to: string;
  /** Words that must occur in the referat, '' for any. */
  text: string;
  status: ReferatStatus | 'any';
}

export const EMPTY_SELECTION: PackageSelection = { party: '', from: '', to: '', text: '', status: 'any' };
