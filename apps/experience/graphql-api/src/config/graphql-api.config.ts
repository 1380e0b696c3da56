import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

/**
 * Environment read by the graphql-api (libs/platform and libs/clients read their own). Validated
 * at boot: a bad value stops the app naming the key.
 */
export class GraphqlApiConfig {
  @IsOptional()
  @IsString()
  NODE_ENV: string = 'development';

  /** HS256 secret shared with the portal's identity provider (at least 32 characters). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PORTAL_JWT_SECRET must hold at least 32 characters (HS256 needs 256 bits)' })
  PORTAL_JWT_SECRET?: string;

  /** RS256 public key (SPKI PEM) of the portal's identity provider; wins over the secret. */
  @IsOptional()
  @IsString()
  PORTAL_JWT_PUBLIC_KEY?: string;

  @IsOptional()
  @IsString()
  PORTAL_JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  PORTAL_JWT_AUDIENCE?: string;

  @IsInt()
  @Min(2)
  @Max(30)
  GRAPHQL_MAX_DEPTH: number = 8;

  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ALIASES: number = 15;

  /** Estimated cost ceiling: list fields multiply their children by `first` (see query-cost.plugin.ts). */
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_COST: number = 25_000;

  @IsInt()
  @Min(100)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS: number = 2_000;

  /** How often release and transfer progress is read from the process APIs for subscribers. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  GRAPHQL_PROGRESS_POLL_MS: number = 1_000;

  /**
   * Subscriptions one WebSocket may hold at once. Each costs a Redis channel listener and, for
   * progress, a poll of a process API: a cap keeps one client from tying up the instance.
   */
  @IsInt()
  @Min(1)
  @Max(1_000)
  GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: number = 25;

  /** How often the elected instance reads reconciliation's sync health while someone subscribes to syncHealthChanged. */
  @IsInt()
  @Min(100)
  @Max(300_000)
  GRAPHQL_SYNC_HEALTH_POLL_MS: number = 5_000;

  /** Over-shipment an advance ship notice may carry, in percent of the open quantity, unless set per supplier. */
  @IsNumber()
  @Min(0)
  @Max(100)
  ASN_OVERSHIPMENT_TOLERANCE_PERCENT: number = 0;

  /** Per supplier, e.g. "SUP-1001=5,SUP-1002=2.5" (percent). */
  @IsOptional()
  @Matches(/^\s*([A-Za-z0-9_-]+=\d+(\.\d+)?\s*)(,\s*[A-Za-z0-9_-]+=\d+(\.\d+)?\s*)*$/, {
    message: 'ASN_OVERSHIPMENT_TOLERANCE_BY_SUPPLIER must read like SUP-1001=5,SUP-1002=2.5',
  })
  ASN_OVERSHIPMENT_TOLERANCE_BY_SUPPLIER?: string;

  /** Introspection, GraphiQL and "did you mean" suggestions only here. */
  get isDevelopment(): boolean {
    return this.NODE_ENV === 'development';
  }
}

export const GRAPHQL_API_CONFIG = Symbol('GRAPHQL_API_CONFIG');
