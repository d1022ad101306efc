// The top bar: the app's name and the main navigation, with the current page marked.
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';
import type { Route } from '../router/route';

export function AppHeader(props: { route: Route }) {
  const { t } = useI18n();
  const current = props.route.name;
  const item = (to: string, name: Route['name'], label: string) => (
    <li>
      <Link to={to} aria-current={current === name ? 'page' : undefined}>{label}</Link>
    </li>
  );
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t('skip.toMain')}</a>
      <span className="app-name">{t('app.name')}</span>
      <nav aria-label={t('nav.label')}>
        <ul>
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
