// Danish interface text for "nothing typed is lost": asking before leaving unsaved changes, and a newer version in another tab.
export const messagesNothingLostDa = {
  'nothingLost.title': 'De seneste ændringer er ikke gemt',
  'nothingLost.body':
    'Referat kunne ikke gemme dine seneste ændringer på denne enhed. Gem en kopi et andet sted, før du går. Går du alligevel, holder browseren på ændringerne, og Referat gemmer dem, næste gang referatet åbnes.',
  'nothingLost.stay': 'Bliv i referatet',
  'nothingLost.leave': 'Gå alligevel',
  'nothingLost.reason.versionChange': 'Referat er åbnet i en nyere version i en anden fane',
  'nothingLost.versionChange':
    'Referat er opdateret i en anden fane, så denne fane kan ikke længere gemme. Genindlæs siden for at fortsætte. Det, du har skrevet, bliver ikke væk.',
  'nothingLost.reload': 'Genindlæs siden',
};
