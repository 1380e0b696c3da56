import type { Principal } from '@plantsync/platform';
import type { RequestLoaders } from '../loaders/request-loaders.interface';

/** What every resolver gets, built once per HTTP request (graphql-options.factory.ts). */
export interface GraphqlContext {
  principal: Principal;
  /** DataLoaders of this request only: nothing cached outlives it or crosses callers. */
  loaders: RequestLoaders;
  correlationId?: string;
}
