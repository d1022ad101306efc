// How much this browser lets the app store, and asking it to keep the data (persistent storage).
export { requestPersistentStorage, storageReport, type StorageReport } from '../storage/storageEstimate';
