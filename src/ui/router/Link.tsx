// An in-app link: a real <a href> for keyboard, screen readers and "open in new tab", routed without a reload.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './useRoute';
import { withLang } from './withLang';

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const { to, onClick, ...rest } = props;
  const lang = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lang');
  const href = withLang(to, lang);
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  // oxlint-disable-next-line jsx-a11y/anchor-has-content -- children arrive through props
  return <a {...rest} href={href} onClick={handle} />;
}
