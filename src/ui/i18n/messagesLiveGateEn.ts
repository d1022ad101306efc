// English interface text for live peers the live gate disconnected; every key of messagesLiveGateDa needs one.
import type { messagesLiveGateDa } from './messagesLiveGateDa';

export const messagesLiveGateEn: Record<keyof typeof messagesLiveGateDa, string> = {
  'liveGate.rejected.tooLarge':
    '{who} was disconnected and is not let back in: it sent a message larger than the limit for live sharing. The message was not taken in. A referat that large must be sent as a file. Its identity is not proven.',
  'liveGate.rejected.rateLimited':
    '{who} was disconnected and is not let back in: it sent more messages or data a minute than the limit allows. What it sent before was taken in. Its identity is not proven.',
  'liveGate.rejected.badUpdate':
    '{who} was disconnected and is not let back in: it sent a change that cannot be read. It was not taken in. Its identity is not proven.',
  'liveGate.rejected.metaId':
    '{who} was disconnected and is not let back in: it tried to change the referat’s id. That change was not taken in. Its identity is not proven.',
  'liveGate.rejected.formatVersion':
    '{who} was disconnected and is not let back in: it tried to change the referat’s format version, so that it could no longer be opened or edited. That change was not taken in. Its identity is not proven.',
  'liveGate.rejected.badMeta':
    '{who} was disconnected and is not let back in: it wrote an invalid value into the meeting details (date, time, status or title). That change was not taken in. Its identity is not proven.',
  'liveGate.rejected.timeout':
    '{who} was disconnected and is not let back in: checking a change it sent took too long. It was not taken in. Its identity is not proven.',
};
