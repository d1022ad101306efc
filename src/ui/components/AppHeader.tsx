// The top bar: the app's name and the main navigation, with the current page marked; on a narrow screen the links
// fold behind a "Menu" button (a disclosure: Escape closes it and returns focus to the button, a click outside closes
// it, and so does following a link).
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import type { Route } from '../router/route';
import '../styles/responsive.css';

export function AppHeader(props: { route: Route }) {
  const { t } = useI18n();
  const current = props.route.name;
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  // The menu is open on the page it was opened on: a followed link closes it, as the page it opens is what counts.
  const routeKey = props.route.name === 'referat' ? `referat:${props.route.id}` : props.route.name;
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === routeKey;

  // Escape, with focus in the navigation (or nowhere), closes the menu and puts focus back on its button; a tap or
  // click outside the navigation closes it and leaves focus where it went.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const focus = document.activeElement;
      if (e.key !== 'Escape' || !(focus === document.body || nav.current?.contains(focus))) return;
      e.preventDefault();
      setOpenOn(null);
      toggle.current?.focus();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node && nav.current?.contains(e.target))) setOpenOn(null);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);
  const item = (to: string, name: Route['name'], label: string) => (
    <li>
      <Link to={to} aria-current={current === name ? 'page' : undefined}>{label}</Link>
    </li>
  );
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t('skip.toMain')}</a>
      <span className="app-name">{t('app.name')}</span>
      <nav ref={nav} aria-label={t('nav.label')}>
        <button
          ref={toggle}
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : routeKey)}
        >
          {t('nav.menu')}
        </button>
        <ul id={listId} className={open ? 'nav-links open' : 'nav-links'}>
          {item('/', 'library', t('nav.library'))}
          {item('/search', 'search', t('nav.search'))}
          {item('/opfoelgning', 'followUp', t('nav.followUp'))}
          {item('/aktindsigt', 'aktindsigt', t('nav.aktindsigt'))}
          {item('/trash', 'trash', t('nav.trash'))}
          {item('/settings', 'settings', t('nav.settings'))}
        </ul>
      </nav>
    </header>
  );
}
