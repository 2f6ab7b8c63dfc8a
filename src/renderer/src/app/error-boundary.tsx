import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode; onError?: (error: Error, info: ErrorInfo) => void };
type State = { error: Error | null };

/**
 * Keeps one broken view from blanking the whole window: shows what failed in one line (never a stack
 * trace) with a retry. The app keys it by route, so moving to another view also resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="view-error" role="alert">
        <p>
          <strong>This view stopped working:</strong> {error.message || error.name}
        </p>
        <p className="muted">The rest of the app keeps running. Other views and the live updates are not affected.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
