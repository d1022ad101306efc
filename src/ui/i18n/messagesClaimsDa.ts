// Danish interface text for authorship claims, divergence and file checks.
export const messagesClaimsDa = {
  'claims.unverifiedAuthor': 'forfatter ikke bekræftet',
  'import.error.foreignClient':
    'Filen afvises: den indeholder ændringer skrevet under et af denne enheds egne klient-id’er, som kun denne enhed skriver med. Den er lavet til at få kopierne til at glide fra hinanden.',
  'import.error.conflictingClaim':
    'Filen afvises: den gør krav på et klient-id, som en anden nøgle allerede har underskrevet i referatet.',
  'import.error.divergent':
    'Filen afvises: den og denne kopi har forskellige ændringer under de samme ændringsnumre. Nogen har skrevet i en andens navn, og kopierne er gledet fra hinanden. Sammenlign kopierne med afsenderen, før I arbejder videre.',
  'backup.untrusted':
    'Sikkerhedskopien er ikke underskrevet af denne enhed eller af en bekræftet nøgle. Referaterne er flettet ind, men ingen afsendere er blevet kendte: {signers}.',
  'backup.trusted': 'Sikkerhedskopien er underskrevet af {name} ({fingerprint}), en nøgle denne enhed kender.',
  'import.signedBy': 'Underskrevet af',
} as const;
