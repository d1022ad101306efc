// The choices every exporter takes: the language of its headings and labels.
export type ExportLanguage = 'da' | 'en';

export interface ExportOptions {
  lang: ExportLanguage;
}
