export interface PlatformOptions {
  /** App name, e.g. 'erp-api': used in logs, Redis keys and the database file/schema. */
  app: string;
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
