// The app's routes, parsed from a URL path.
export type Route =
  | { name: 'library' }
  | { name: 'referat'; id: string }
  | { name: 'trash' }
  | { name: 'settings' }
  | { name: 'join' }
  | { name: 'search' }
  | { name: 'followUp' }
  | { name: 'aktindsigt' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'library' };
  if (pathname === '/trash') return { name: 'trash' };
  if (pathname === '/settings') return { name: 'settings' };
  if (pathname === '/join') return { name: 'join' };
  if (pathname === '/search') return { name: 'search' };
  if (pathname === '/opfoelgning') return { name: 'followUp' };
  if (pathname === '/aktindsigt') return { name: 'aktindsigt' };
  const m = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (m?.[1]) {
    let id = m[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      /* a malformed escape is just an id that does not exist */
    }
    return { name: 'referat', id };
  }
  return { name: 'notFound' };
}

export function referatPath(id: string): string {
  return `/r/${encodeURIComponent(id)}`;
}
