// The user's settings as the UI reads and writes them: the profile and the interface language.
export { isLanguage, loadLanguage, loadProfile, saveLanguage, saveProfile, type Language } from '../storage/settingsStore';
