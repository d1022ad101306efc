// Names of the top-level Yjs types in a referat Y.Doc (docs/FORMAT.md). Renaming one breaks every stored copy.
export const META = 'meta';
export const PARTICIPANTS = 'participants';
export const BODY = 'body';
export const APPROVALS = 'approvals';
