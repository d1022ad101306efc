// "Not found" for a referat or a page, always with a way back to the library.
import { useI18n } from '../i18n/I18nContext';
import { Link } from '../router/Link';

export function NotFoundPage(props: { title: string; body?: string }) {
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <h1>{props.title}</h1>
      {props.body && <p>{props.body}</p>}
      <p><Link to="/">{t('referat.backToLibrary')}</Link></p>
    </main>
  );
}
