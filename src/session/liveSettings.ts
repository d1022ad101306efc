// The live-collaboration settings (signalling server, ICE servers) as the UI reads, checks and saves them.
export {
  defaultLiveSettings,
  isIceServerUrl,
  isSignallingUrl,
  loadLiveSettings,
  saveLiveSettings,
  type LiveSettings,
} from '../storage/liveSettings';
