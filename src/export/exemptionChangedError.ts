// Thrown when an exempt passage of a referat in a package no longer matches its text: no package is made until the
// clerk has marked it again, so a changed passage can never slip into the files unexempted.
export class ExemptionChangedError extends Error {
  readonly documentId: string;
  readonly title: string;

  constructor(documentId: string, title: string) {
    super(`an exempt passage of "${title}" no longer matches the text`);
    this.name = 'ExemptionChangedError';
    this.documentId = documentId;
    this.title = title;
  }
}
