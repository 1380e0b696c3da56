import { IsInt, IsString, Min } from 'class-validator';
import { maskConfigValue, validateConfig } from './validate-config';
import { PlatformConfig } from './platform.config';

class PlantSyncEnv {
  @IsInt()
  @Min(1)
  SYNC_INTERVAL_SECONDS: number = 30;

  @IsString()
  ODOO_API_TOKEN!: string;
}

describe('validateConfig', () => {
  it('applies defaults and converts types', () => {
    const env = validateConfig(PlantSyncEnv, { SYNC_INTERVAL_SECONDS: '15', ODOO_API_TOKEN: 't' });
    expect(env.SYNC_INTERVAL_SECONDS).toBe(15);
    expect(validateConfig(PlantSyncEnv, { ODOO_API_TOKEN: 't' }).SYNC_INTERVAL_SECONDS).toBe(30);
  });

  it('lists every bad key with its value and masks secrets', () => {
    let message = '';
    try {
      validateConfig(PlantSyncEnv, { SYNC_INTERVAL_SECONDS: '0' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('SYNC_INTERVAL_SECONDS=0');
    expect(message).toContain('ODOO_API_TOKEN=<unset>');
  });

  it('never prints a secret value', () => {
    expect(() =>
      validateConfig(PlantSyncEnv, { SYNC_INTERVAL_SECONDS: 'x', ODOO_API_TOKEN: '' }),
    ).toThrow(/SYNC_INTERVAL_SECONDS=x/);
    expect(maskConfigValue('ODOO_API_TOKEN', 'abc')).toBe('***');
    expect(maskConfigValue('DATABASE_URL', 'postgres://plantsync:s3cret@db:5432/plantsync')).toBe(
      'postgres://plantsync:***@db:5432/plantsync',
    );
  });

  it('validates the platform env', () => {
    expect(validateConfig(PlatformConfig, {}).IDEMPOTENCY_TTL_SECONDS).toBe(86400);
    expect(() =>
      validateConfig(PlatformConfig, { LOG_LEVEL: 'loud', REDIS_URL: 'http://x' }),
    ).toThrow(/LOG_LEVEL=loud[\s\S]*REDIS_URL=http:\/\/x/);
  });
});
