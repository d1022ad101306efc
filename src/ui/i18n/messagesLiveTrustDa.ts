// Danish interface text for joining a room and proving who live peers are.
export const messagesLiveTrustDa = {
  'liveTrust.proven': 'identitet bevist',
  'liveTrust.unproven': 'identitet ikke bevist',
  'liveTrust.provenTitle': 'Deltageren har i denne session bevist, at den har nøglen med fingeraftrykket {fingerprint}.',
  'liveTrust.unprovenTitle':
    'Deltageren har ikke bevist, at den har den nøgle, den angiver. Navn og organisation er kun, hvad den selv har skrevet, og den skrives ikke i oversigten over kopier.',
  'liveTrust.peer': '{name}, {organisation}',
  'liveTrust.diverged':
    'Jeres kopier har de samme ændringer, men forskelligt indhold (sammenlignet med {names}). Det sker kun, når nogen har skrevet under en andens id, og kopierne bliver ikke ens af sig selv. Godkend ikke nu. Eksportér en kopi af referatet (»Eksportér kopi«), og kontakt {names} for at sammenligne jeres kopier.',
  'liveTrust.join.heading': 'Invitation til et fælles referat',
  'liveTrust.join.reading': 'Læser invitationen …',
  'liveTrust.join.invalid':
    'Invitationslinket er ugyldigt eller ufuldstændigt. Intet er gemt eller ændret. Bed afsenderen om et nyt link.',
  'liveTrust.join.missing': 'Der er ingen invitation at læse. Intet er gemt eller ændret. Åbn linket fra afsenderen igen.',
  'liveTrust.join.unknown': 'Referatet findes ikke på denne enhed, og intet er gemt endnu.',
  'liveTrust.join.unknownShare':
    'Deltager du, gemmes rummet på denne enhed, og referatet hentes fra de andre i rummet. Alt, hvad du skriver i det, deles med alle, der har dette link.',
  'liveTrust.join.known': 'Du har allerede dette referat på denne enhed.',
  'liveTrust.join.knownNoIndex': 'Referatet findes på denne enhed, men dets oplysninger er ikke læst endnu.',
  'liveTrust.join.knownShare':
    'Hele referatet deles med alle, der har dette link: det, der står i det nu, dets historik og alt, hvad der skrives senere, og de kan skrive i det. Deltag kun, hvis du kender afsenderen og ved, hvem linket er sendt til.',
  'liveTrust.join.otherRoom':
    'Referatet deles allerede live i et andet rum på denne enhed. Deltager du, forlader referatet det rum og deles i stedet i rummet fra dette link.',
  'liveTrust.join.id': 'Referatets id',
  'liveTrust.join.titleLabel': 'Titel',
  'liveTrust.join.date': 'Dato',
  'liveTrust.join.parties': 'Parter',
  'liveTrust.join.none': '(ingen)',
  'liveTrust.join.accept': 'Deltag',
  'liveTrust.join.cancel': 'Annullér',
  'liveTrust.join.cancelled': 'Invitationen er afvist. Intet er gemt eller ændret.',
  'liveTrust.join.failed': 'Rummet kunne ikke gemmes: {message}. Intet er ændret.',
  'liveTrust.rejected.unknown': 'En deltager, der ikke sagde, hvem den er,',
  'liveTrust.rejected.foreignClient':
    '{who} er afbrudt og lukkes ikke ind igen: den sendte ændringer under denne enheds eget klient-id. Den ændring er ikke taget med. Identiteten er ikke bevist.',
  'liveTrust.rejected.conflictingClaim':
    '{who} er afbrudt og lukkes ikke ind igen: den gjorde krav på et klient-id, som en anden nøgle ejer. Den ændring er ikke taget med. Identiteten er ikke bevist.',
} as const;
