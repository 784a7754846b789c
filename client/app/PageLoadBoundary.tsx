/**
 * Catches a page whose code could not be fetched (offline, or a tab opened
 * before a new release replaced its chunks) and offers a reload, instead of
 * leaving a blank page. Keyed by address in the app, so moving to another page
 * tries again.
 */
import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

interface Props {
  readonly children: ReactNode;
  /** Lets go of what the page would have taken over (an item's early connection). */
  onFailed(): void;
}

export class PageLoadBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onFailed();
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <h1 className="nhsuk-heading-l">This page could not be loaded</h1>
        <p className="nhsuk-body" data-testid="page-load-error">
          Check your connection, then reload the page. Nothing you saved is lost.
        </p>
        <button type="button" className="nhsuk-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </>
    );
  }
}
