// Danish interface text for plain words: the copy ledger, approvals, storage and feedback.
export const messagesWordsDa = {
  'words.moment': '{date} kl. {time}',
  'words.paragraphs.one': '1 afsnit',
  'words.paragraphs.many': '{count} afsnit',
  'words.words.one': '1 ord',
  'words.words.many': '{count} ord',
  'words.wordsIn': '{words} i {paragraphs}',

  'words.ledger.complete': '{who} har alt, du har, pr. {when}.',
  'words.ledger.complete.relay': '{who} har alt, du har, pr. {when} (kvitteret via relæet).',
  'words.ledger.missingToday': '{who} mangler dine seneste rettelser fra i dag',
  'words.ledger.missingYesterday': '{who} mangler dine rettelser siden i går',
  'words.ledger.missingSince': '{who} mangler dine rettelser siden {day}',
  'words.ledger.missing': '{who} mangler dine seneste rettelser',
  'words.ledger.missingWhat': '{sentence}: {what}.',
  'words.ledger.missingNothingSeen': '{sentence}.',
  'words.ledger.details': 'mødets oplysninger',
  'words.ledger.participants': 'deltagerlisten',
  'words.ledger.approvals': 'godkendelser',
  'words.ledger.lastSeen.live': 'Sidst set {when} under fælles redigering.',
  'words.ledger.lastSeen.file': 'Sidst set {when} i en fil fra dem.',
  'words.ledger.lastSeen.relay': 'Sidst set {when} via relæet.',
  'words.ledger.sent': 'Du sendte en kopi {when}. De har ikke sendt en kopi tilbage siden.',
  'words.ledger.neverHeld': 'Ikke set endnu.',
  'words.ledger.send': 'Eksportér det, {who} mangler',

  'words.approval.by': 'Godkendt af {who}, {when}',
  'words.approval.claimedBy': 'Ugyldig godkendelse i navnet {who}, {when}',
  'words.approval.confirmed': 'bekræftet',
  'words.approval.own': 'din egen',
  'words.approval.unconfirmed': 'ubekræftet nøgle – tæller ikke',
  'words.approval.invalid': 'tæller ikke',
  'words.approval.earlier': 'en tidligere version',
  'words.approval.key': 'Nøgle:',
  'words.approval.hash': 'Hashværdi: {hash}',
  'words.approval.signatureValid': 'Signaturen er gyldig.',
  'words.approval.signatureInvalid': 'Signaturen er ugyldig.',

  'words.backup.doneOne': 'Sikkerhedskopien er gemt: 1 referat, {size}, som »{name}«.',

  'words.live.connectedOne': 'Forbundet til 1 anden',

  'words.trash.restore': 'Gendan',
  'words.trash.delete': 'Slet for altid',

  'words.import.close': 'Luk',
  'words.import.closeAll': 'Luk importbeskederne',
  'words.import.changesBy': 'Nye rettelser fra {list}.',

  'words.storage.granted': 'Browseren har lovet ikke at slette referaterne. De bliver på enheden, også hvis der bliver trangt om plads.',
  'words.storage.notGranted':
    'Browseren har ikke lovet at beholde referaterne. Bliver der trangt om plads på enheden, kan den slette alt, hvad denne side har gemt, uden at spørge – og referaterne findes måske kun her.',
  'words.storage.unknown': 'Browseren kan ikke oplyse, om den beholder referaterne. Regn med, at den kan slette dem, hvis der bliver trangt om plads.',
  'words.storage.answerGranted': 'Browseren sagde ja: den har lovet ikke at slette referaterne.',
  'words.storage.answerRefused':
    'Browseren sagde nej. Den afgør selv, hvornår den giver lov (fx når siden er installeret som app eller bogmærket), og den kan slette referaterne, hvis der bliver trangt om plads. Tag derfor en sikkerhedskopi jævnligt, og gem den et andet sted.',
  'words.storage.answerUnknown': 'Browseren kan ikke spørges om vedvarende lagring. Tag en sikkerhedskopi jævnligt, og gem den et andet sted.',
  'words.storage.lastBackup': 'Seneste sikkerhedskopi fra denne enhed: {when}.',
  'words.storage.noBackup': 'Der er ikke taget en sikkerhedskopi fra denne enhed.',
  'words.storage.adviseNone': 'Tag en sikkerhedskopi nu under »Sikkerhedskopi« ovenfor, og gem den et andet sted end på denne enhed.',
  'words.storage.adviseOld': 'Den seneste sikkerhedskopi er over en uge gammel. Tag en ny under »Sikkerhedskopi« ovenfor, og gem den et andet sted end på denne enhed.',
} as const;
