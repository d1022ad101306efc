// The user's settings as the UI reads and writes them: the profile, the interface language and the last backup.
export { isLanguage, loadLanguage, loadProfile, saveLanguage, saveProfile, type Language } from '../storage/settingsStore';
export { loadLastBackup, recordLastBackup } from './lastBackup';
