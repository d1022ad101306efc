// Sets the browser's document title (the tab, and the file name "Gem som PDF" proposes) while a page shows,
// follows changes, and puts the previous title back when the page goes away.
import { useEffect, useRef } from 'react';

/** `title` while the calling component is mounted; null or '' leaves the title as it is. */
export function useDocumentTitle(title: string | null): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    previous.current = document.title;
    return () => {
      if (previous.current !== null) document.title = previous.current;
    };
  }, []);
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
