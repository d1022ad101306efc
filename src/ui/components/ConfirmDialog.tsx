// A modal confirmation (destructive by default, or a plain primary action), on the native <dialog> so focus and Escape work as expected.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** `danger` (the default) for destructive actions, `primary` for others such as signing. */
  tone?: 'danger' | 'primary';
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-b`}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${id}-t`}>{props.title}</h2>
      <div id={`${id}-b`}>{props.children}</div>
      <div className="actions">
        {/* oxlint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog moves focus to its safe choice */}
        <button type="button" autoFocus onClick={props.onCancel}>{props.cancelLabel}</button>
        <button type="button" className={props.tone === 'primary' ? 'primary' : 'danger'} onClick={props.onConfirm}>{props.confirmLabel}</button>
      </div>
    </dialog>
  );
}
