// Danish interface text for a meeting series' stable invitation: one link for every referat of the series.
export const messagesSeriesDa = {
  'series.expiry.90': '90 dage',
  'series.inviteHelp':
    'Invitationen gælder hele møderækken: de følgende møder, du opretter med »Næste møde«, deles med det samme link, indtil nogen stopper delingen, eller invitationen udløber. Mødes I en gang om måneden, så vælg 90 dage.',
  'series.linkHelp':
    'Linket gælder også de følgende møder i møderækken, indtil nogen stopper delingen, eller invitationen udløber. Den, der har linket, finder det nye møde herfra.',
  'series.stopHelp':
    '»Stop deling for alle« afslutter delingen af hele møderækken hos alle, der er forbundet nu. Linket virker derefter ikke længere, heller ikke til de tidligere møder, og en ny invitation får et nyt link.',
  'series.notices.label': 'Andre møder i møderækken',
  'series.notice.next': 'Næste møde i serien: »{title}«, {date} (delt af {who})',
  'series.notice.nextNoDate': 'Næste møde i serien: »{title}« (delt af {who})',
  'series.notice.other': 'Et andet møde i serien: »{title}«, {date} (delt af {who})',
  'series.notice.otherNoDate': 'Et andet møde i serien: »{title}« (delt af {who})',
  'series.notice.untitled': 'uden titel',
  'series.notice.unproven': '{name}, {organisation} – identitet ikke bevist',
  'series.notice.open': 'Åbn invitationen til »{title}«',
  'series.notice.help':
    'Titel, dato og navn kommer fra en anden deltager og er ikke kontrolleret. Du ser invitationen og vælger selv, om du vil deltage, før noget gemmes.',
  'series.join.sameSeriesOne':
    'Invitationen hører til den møderække, du allerede deler ét referat i på denne enhed. Det samme link gælder for hele møderækken.',
  'series.join.sameSeriesMany':
    'Invitationen hører til den møderække, du allerede deler {count} referater i på denne enhed. Det samme link gælder for hele møderækken.',
} as const;
