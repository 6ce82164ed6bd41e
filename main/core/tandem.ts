// PLACEHOLDER: the store helper implements createTandem. The Tandem type is fixed.
import type { Handlers } from '../contract';
import type { EventBus } from './events';

export interface TandemOptions {
  /** Workspace directory. Resolve it with resolveDataDir() (flag, TANDEM_HOME, OS app-data). */
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  /** Set by hosts that started the demo API in the background. */
  demoUrl?: string | null;
  /** Seed alice/bob/anonymous + a sample collection on first run (app hosts do; the CLI does not). */
  seedSample?: boolean;
}

/** Everything the app can do: one function per contract channel, plus lifecycle. */
export type Tandem = Handlers & {
  readonly events: EventBus;
  readonly dataDir: string;
  /** Waits for every queued write, then releases resources. */
  close(): Promise<void>;
};

export async function createTandem(_opts: TandemOptions): Promise<Tandem> {
  throw new Error('not built yet');
}
