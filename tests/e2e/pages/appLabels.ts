// The app's accessible names that browser tests find things by, in Danish (the default) and English.

export const DA = {
  newReferat: 'Nyt referat',
  title: 'Titel',
  editor: 'Referattekst',
  name: 'Navn',
  organisation: 'Organisation',
  save: 'Gem',
};

export const EN = {
  newReferat: 'New referat',
  title: 'Title',
  editor: 'Minutes text',
  name: 'Name',
  organisation: 'Organisation',
  save: 'Save',
};
