// The names of the placeholder node and marker mark that stand for Yjs content this schema does not know.
/** A block the editor cannot show: kept in Yjs untouched, shown read-only with a label. */
export const UNKNOWN_BLOCK = 'unknownBlock';
/** Marks text the editor cannot show (an unknown format attribute or an embed); its block becomes an UNKNOWN_BLOCK. */
export const UNKNOWN_MARK = 'unknownMark';
