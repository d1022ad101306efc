// Why a `.referat` file was refused while reading its structure, as a code the UI can translate.
export type ReferatFileErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'badMagic'
  | 'truncated'
  | 'newerVersion'
  | 'badHeader'
  | 'hashMismatch'
  | 'trailingBytes';

export class ReferatFileError extends Error {
  readonly code: ReferatFileErrorCode;
  constructor(code: ReferatFileErrorCode, detail: string) {
    super(detail);
    this.name = 'ReferatFileError';
    this.code = code;
  }
}
