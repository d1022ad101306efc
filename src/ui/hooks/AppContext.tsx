// What every page needs from the app shell: the library database and the user's profile.
import { createContext, useContext } from 'react';
import type { Profile } from '../../core/profile';
import type { LibraryDatabase } from '../../storage/libraryDatabase';

export interface AppContextValue {
  db: LibraryDatabase;
  profile: Profile;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside AppContext');
  return v;
}
