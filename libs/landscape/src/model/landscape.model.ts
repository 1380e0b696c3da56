import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const SYSTEM_KINDS = ['erp', 'mes', 'wms'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];

export const MASTER_DATA_DOMAINS = [
  'items',
  'boms',
  'suppliers',
  'purchase_orders',
  'production_orders',
  'inventory',
] as const;
export type MasterDataDomain = (typeof MASTER_DATA_DOMAINS)[number];

export const SYNC_DOMAINS = ['inventory', 'production', 'orders', 'master_data'] as const;
export type SyncDomain = (typeof SYNC_DOMAINS)[number];

/** Environment variable names: credentials are referenced by name, never written inline. */
const ENV_NAME = /^[A-Z][A-Z0-9_]{1,127}$/;

/** How one plant reaches one of its systems. */
export class SystemBinding {
  /** Connector kind, e.g. `odoo-json2`, `b2mml-v0600`, `rest-wms` (docs/connectors.md). */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'connector must be a connector kind such as "odoo-json2"' })
  connector!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl!: string;

  /** Per-call timeout; every connector call is bounded. */
  @IsInt()
  @Min(50)
  @Max(120_000)
  timeoutMs: number = 5000;

  /** Name of the env var holding the API key or token for this system. */
  @IsOptional()
  @Matches(ENV_NAME, { message: 'credentialsEnv must name an environment variable, e.g. P100_ODOO_API_KEY' })
  credentialsEnv?: string;

  /** Connector-specific settings, validated by the connector itself (docs/connectors.md). */
  @IsOptional()
  @IsObject()
  options: Record<string, unknown> = {};
}

export class PlantSystems {
  @ValidateNested()
  @Type(() => SystemBinding)
  erp!: SystemBinding;

  @ValidateNested()
  @Type(() => SystemBinding)
  mes!: SystemBinding;

  @ValidateNested()
  @Type(() => SystemBinding)
  wms!: SystemBinding;
}

export class PlantDefinition {
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'code must be upper-case letters and digits, e.g. P100' })
  code!: string;

  @IsString()
  @Length(1, 100)
  name!: string;

  @IsString()
  @Length(1, 32)
  region!: string;

  /** IANA time zone; checked against Intl so a typo stops boot. */
  @IsString()
  timeZone!: string;

  @ValidateNested()
  @Type(() => PlantSystems)
  systems!: PlantSystems;
}

export class SyncObjective {
  @IsIn(SYNC_DOMAINS)
  domain!: SyncDomain;

  /** Lag above this marks the plant × domain stale. */
  @IsInt()
  @Min(1)
  maxLagSeconds!: number;

  /** How often reconciliation runs for this domain (0 = only on demand). */
  @IsOptional()
  @IsInt()
  @Min(0)
  reconcileEverySeconds?: number;
}

export class SystemOfRecord {
  @IsIn(MASTER_DATA_DOMAINS)
  domain!: MasterDataDomain;

  @IsIn(SYSTEM_KINDS)
  system!: SystemKind;
}

export class LandscapeDefinition {
  @IsInt()
  @Min(1)
  @Max(1)
  version!: number;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => PlantDefinition)
  plants!: PlantDefinition[];

  @ValidateNested({ each: true })
  @Type(() => SystemOfRecord)
  systemsOfRecord: SystemOfRecord[] = [];

  @ValidateNested({ each: true })
  @Type(() => SyncObjective)
  syncObjectives: SyncObjective[] = [];
}
