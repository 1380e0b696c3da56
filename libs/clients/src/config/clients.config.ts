import { Logger } from '@nestjs/common';
import { validateConfig } from '@plantsync/platform';
import { IsInt, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateIf } from 'class-validator';
import { DEFAULT_SYSTEM_API_TIMEOUT_MS } from '../http/system-api.http';

/** config/api-keys.demo.yaml's `service` key: fine for `npm start` and tests, never for production. */
export const DEMO_SERVICE_API_KEY = 'ps_demo_service_c81d09';

const URL_RULE = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/** Environment read by libs/clients: where the system APIs are and how to authenticate. */
export class ClientsConfig {
  @IsOptional()
  @IsString()
  NODE_ENV: string = 'development';

  @IsUrl(URL_RULE, { message: 'ERP_API_URL must be an http(s) URL such as http://127.0.0.1:3001' })
  ERP_API_URL: string = 'http://127.0.0.1:3001';

  @IsUrl(URL_RULE, { message: 'MES_API_URL must be an http(s) URL such as http://127.0.0.1:3002' })
  MES_API_URL: string = 'http://127.0.0.1:3002';

  @IsUrl(URL_RULE, { message: 'WMS_API_URL must be an http(s) URL such as http://127.0.0.1:3003' })
  WMS_API_URL: string = 'http://127.0.0.1:3003';

  @IsUrl(URL_RULE, { message: 'ORDER_RELEASE_API_URL must be an http(s) URL such as http://127.0.0.1:3101' })
  ORDER_RELEASE_API_URL: string = 'http://127.0.0.1:3101';

  @IsUrl(URL_RULE, { message: 'INVENTORY_TRANSFER_API_URL must be an http(s) URL such as http://127.0.0.1:3102' })
  INVENTORY_TRANSFER_API_URL: string = 'http://127.0.0.1:3102';

  @IsUrl(URL_RULE, { message: 'PRODUCTION_SYNC_API_URL must be an http(s) URL such as http://127.0.0.1:3103' })
  PRODUCTION_SYNC_API_URL: string = 'http://127.0.0.1:3103';

  @IsUrl(URL_RULE, { message: 'RECONCILIATION_API_URL must be an http(s) URL such as http://127.0.0.1:3104' })
  RECONCILIATION_API_URL: string = 'http://127.0.0.1:3104';

  /** Required in production; elsewhere the demo service key is used (with a warning at boot). */
  @ValidateIf((c: ClientsConfig) => c.NODE_ENV === 'production' || c.PLANTSYNC_SERVICE_API_KEY !== undefined)
  @IsString({ message: 'PLANTSYNC_SERVICE_API_KEY is required in production (the service role key for the system APIs)' })
  @Length(8, 512)
  PLANTSYNC_SERVICE_API_KEY?: string;

  @IsInt()
  @Min(50)
  @Max(120_000)
  SYSTEM_API_TIMEOUT_MS: number = DEFAULT_SYSTEM_API_TIMEOUT_MS;
}

export interface SystemApiUrls {
  erp: string;
  mes: string;
  wms: string;
  /** Process APIs, called by the experience layer only. */
  orderRelease: string;
  inventoryTransfer: string;
  productionSync: string;
  /** Where process apps report sync observations (sync health). */
  reconciliation: string;
}

/** What the clients are built from, after env, defaults and overrides. */
export interface ClientsSettings {
  urls: SystemApiUrls;
  apiKey: string;
  timeoutMs: number;
}

export interface ClientsOverrides {
  urls?: Partial<SystemApiUrls>;
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Validates the env (boot fails naming every bad key) and applies overrides (tests pointing a
 * process app at their own system API instances). Outside production a missing key falls back
 * to the demo service key, loudly.
 */
export function loadClientsSettings(
  overrides: ClientsOverrides = {},
  env: Record<string, string | undefined> = process.env,
  logger: Pick<Logger, 'warn'> = new Logger('ClientsConfig'),
): ClientsSettings {
  const config = validateConfig(ClientsConfig, env);
  let apiKey = overrides.apiKey ?? config.PLANTSYNC_SERVICE_API_KEY;
  if (!apiKey) {
    apiKey = DEMO_SERVICE_API_KEY;
    logger.warn('PLANTSYNC_SERVICE_API_KEY is not set: calling the system APIs with the demo service key (never in production)');
  }
  return {
    urls: {
      erp: overrides.urls?.erp ?? config.ERP_API_URL,
      mes: overrides.urls?.mes ?? config.MES_API_URL,
      wms: overrides.urls?.wms ?? config.WMS_API_URL,
      orderRelease: overrides.urls?.orderRelease ?? config.ORDER_RELEASE_API_URL,
      inventoryTransfer: overrides.urls?.inventoryTransfer ?? config.INVENTORY_TRANSFER_API_URL,
      productionSync: overrides.urls?.productionSync ?? config.PRODUCTION_SYNC_API_URL,
      reconciliation: overrides.urls?.reconciliation ?? config.RECONCILIATION_API_URL,
    },
    apiKey,
    timeoutMs: overrides.timeoutMs ?? config.SYSTEM_API_TIMEOUT_MS,
  };
}
