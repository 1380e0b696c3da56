import type { SystemBinding, SystemKind } from '@plantsync/landscape';
import type { CallContext } from './call-context';

/**
 * What every connector shares: it serves one system of one plant, bound by the landscape, with
 * `init`/`destroy` for connection pools and a cheap `health` probe for /health/ready.
 */
export abstract class PlantConnector {
  constructor(
    readonly plant: string,
    readonly system: SystemKind,
    readonly binding: SystemBinding,
  ) {}

  async init(): Promise<void> {}
  async destroy(): Promise<void> {}

  /** Resolves when the backend answers; throws a ConnectorError otherwise. */
  abstract health(ctx: CallContext): Promise<void>;
}
