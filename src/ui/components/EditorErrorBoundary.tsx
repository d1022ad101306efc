// Keeps the referat readable when the editor cannot open (content the binding cannot map, a changed library internal):
// the text is shown read-only under an alert naming the error, and nothing is written to the document.
import { Component, type ReactNode } from 'react';
import { toError } from '../../core/toError';

interface Props {
  /** The alert's text, given the error's message. */
  failedText: (message: string) => string;
  /** What shows below the alert instead of the editor. */
  fallback: ReactNode;
  children: ReactNode;
}

export class EditorErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: toError(error) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('The editor could not open', error);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <>
        <p role="alert" className="warning" data-testid="editor-failed">{this.props.failedText(this.state.error.message)}</p>
        {this.props.fallback}
      </>
    );
  }
}
