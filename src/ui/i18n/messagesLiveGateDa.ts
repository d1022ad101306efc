// Danish interface text for live peers the live gate (sync/peerGate.ts) disconnected for size, rate, schema or time.
export const messagesLiveGateDa = {
  'liveGate.rejected.tooLarge':
    '{who} er afbrudt og lukkes ikke ind igen: den sendte en besked, der er større end grænsen for direkte deling. Beskeden er ikke taget med. Et så stort referat må sendes som fil. Identiteten er ikke bevist.',
  'liveGate.rejected.rateLimited':
    '{who} er afbrudt og lukkes ikke ind igen: den sendte flere beskeder eller data i minuttet, end grænsen tillader. Det, den sendte før, er taget med. Identiteten er ikke bevist.',
  'liveGate.rejected.badUpdate':
    '{who} er afbrudt og lukkes ikke ind igen: den sendte en ændring, der ikke kan læses. Den er ikke taget med. Identiteten er ikke bevist.',
  'liveGate.rejected.metaId':
    '{who} er afbrudt og lukkes ikke ind igen: den forsøgte at ændre referatets id. Den ændring er ikke taget med. Identiteten er ikke bevist.',
  'liveGate.rejected.formatVersion':
    '{who} er afbrudt og lukkes ikke ind igen: den forsøgte at ændre referatets formatversion, så det ikke længere kunne åbnes eller redigeres. Den ændring er ikke taget med. Identiteten er ikke bevist.',
  'liveGate.rejected.badMeta':
    '{who} er afbrudt og lukkes ikke ind igen: den skrev en ugyldig værdi i mødets oplysninger (dato, tidspunkt, status eller titel). Den ændring er ikke taget med. Identiteten er ikke bevist.',
  'liveGate.rejected.timeout':
    '{who} er afbrudt og lukkes ikke ind igen: det tog for lang tid at kontrollere en ændring, den sendte. Den er ikke taget med. Identiteten er ikke bevist.',
} as const;
