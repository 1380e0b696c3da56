import { createClient, type Client } from 'graphql-ws';

// Node 20 has no global WebSocket; `ws` is what @nestjs/graphql serves graphql-ws with (no @types installed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebSocket: unknown = require('ws');

export interface Watch {
  events: any[];
  errors: any[];
  /** Resolves when the server completes the subscription (a final status, or an error). */
  completed: Promise<void>;
  /** Resolves with the first event `match` accepts. */
  until(match: (event: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

/**
 * A real graphql-ws client over a WebSocket, the way a portal follows a release or an order:
 * collects every event and error; `completed` resolves when the server ends the subscription.
 */
export function watch(url: string, connectionParams: Record<string, unknown>, query: string, variables: Record<string, unknown>): Watch {
  const client: Client = createClient({ url: url.replace(/^http/, 'ws') + '/graphql', connectionParams, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const events: any[] = [];
  const errors: any[] = [];
  const waiters: Array<{ match: (e: any) => boolean; resolve: (e: any) => void }> = [];
  const completed = new Promise<void>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) errors.push(...result.errors);
          const value = result.data ? Object.values(result.data)[0] : undefined;
          if (!value) return;
          events.push(value);
          for (const w of waiters.filter((w) => w.match(value))) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(value);
          }
        },
        error: (e) => {
          errors.push(e);
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return {
    events,
    errors,
    completed,
    until(match, timeoutMs = 30_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event; got ${JSON.stringify(events.map((e) => e.status))} ${JSON.stringify(errors)}`)), timeoutMs);
        waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: () => void client.dispose(),
  };
}

