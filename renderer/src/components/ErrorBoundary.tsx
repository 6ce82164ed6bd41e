import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the boundary guards, for the message: "the response viewer". */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one panel's crash from blanking the whole window; shows one line and a retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Tandem: ${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const line = String(this.state.error.message).split('\n')[0];
    return (
      <div className="ui-crash" role="alert">
        <p className="ui-error-line">
          Something went wrong in {this.props.area}: {line}
        </p>
        <button type="button" className="ui-button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
