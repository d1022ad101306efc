// Names of the top-level Yjs types in a referat Y.Doc (docs/FORMAT.md). Renaming one breaks every stored copy.
export const META = 'meta';
export const PARTICIPANTS = 'participants';
export const BODY = 'body';
export const APPROVALS = 'approvals';
export const LINKS = 'links';
export const FOLLOW_UP = 'followUp';
export const REOPENINGS = 'reopenings';
export const VERSIONS = 'versions';
/** Signed claims binding each Yjs client id to the key that wrote with it (core/clientClaims.ts). */
export const CLAIMS = 'claims';
