import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedObservation {
  plant: string;
  domain: string;
  businessKey: string;
  outcome: 'success' | 'failure' | 'dead_letter';
  reason?: string;
}

/**
 * Stands in for reconciliation's `POST /v1/sync-observations` (what sync health counts): keeps
 * every observation a process app reports, so a test sees a posting reported twice or a failure
 * sync health would show. Answers as reconciliation does (202 `{recorded}`).
 */
export class SyncObservationRecorder {
  readonly observations: RecordedObservation[] = [];
  private readonly server = createServer((req, res) => this.take(req, res));

  static async start(): Promise<SyncObservationRecorder> {
    const recorder = new SyncObservationRecorder();
    await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
    return recorder;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private take(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/sync-observations') {
        res.writeHead(404).end();
        return;
      }
      const batch = (JSON.parse(body) as { observations: RecordedObservation[] }).observations;
      this.observations.push(...batch);
      res
        .writeHead(202, { 'content-type': 'application/json' })
        .end(JSON.stringify({ recorded: batch.length }));
    });
  }
}
