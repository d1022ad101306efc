// The version of the Y.Doc layout documented in docs/FORMAT.md; stored in every referat's `meta`.
export const FORMAT_VERSION = 2;
