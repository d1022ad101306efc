// Danish interface text for "what changed since you last looked" on the referat page.
export const messagesUnseenDa = {
  'unseen.heading': 'Ændret, siden du sidst så referatet',
  'unseen.summary.one': '1 ændring fra {who} siden {when}.',
  'unseen.summary.many': '{count} ændringer fra {who} siden {when}.',
  'unseen.summary.several': '{count} ændringer siden {when}:',
  'unseen.author.one': '1 ændring fra {who}',
  'unseen.author.many': '{count} ændringer fra {who}',
  'unseen.unverified': '{who} (ikke bekræftet: ingen gyldig underskrift binder ændringerne til nøglen)',
  'unseen.unknown': 'en ukendt forfatter',
  'unseen.show': 'Vis ændringerne',
  'unseen.hide': 'Skjul ændringerne',
  'unseen.markSeen': 'Markér som set',
  'unseen.lastSeen': 'Det, du sidst så ({when})',
  'unseen.notComparable': 'Referatet er ændret på en måde, denne kopi ikke kan vise forskellen på (det, du sidst så {when}, findes ikke længere i kopien). Se versionerne for at sammenligne.',
} as const;
