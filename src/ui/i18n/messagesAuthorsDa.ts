// Danish interface text for who wrote what (Hvem skrev hvad) on the live document.
export const messagesAuthorsDa = {
  'authors.toggle': 'Hvem skrev hvad',
  'authors.toggleHelp': 'Farver teksten efter forfatter og organisation. Navnet står ved musen og ved markøren.',
  'authors.listLabel': 'Forfattere i teksten nu',
  'authors.share': '{who}: {count} tegn ({percent} %)',
  'authors.shareOne': '{who}: 1 tegn ({percent} %)',
  'authors.atCaret': 'Ved markøren: skrevet af {who}',
  'authors.atCaretNone': 'Ved markøren: ingen tekst at vise forfatter for',
  'authors.computing': 'Finder forfatterne …',
  'authors.empty': 'Teksten er tom.',
  'authors.template': 'skabelonen',
  'authors.runTitleTemplate': 'Fra skabelonen (ingen har skrevet det)',
  'authors.runTitleUnknown': 'Forfatter ukendt',
  'authors.atCaretTemplate': 'Ved markøren: tekst fra skabelonen, som ingen har skrevet',
  'authors.atCaretUnknown': 'Ved markøren: forfatteren er ukendt',
  'authors.runTitle': 'Skrevet af {who}',
} as const;
