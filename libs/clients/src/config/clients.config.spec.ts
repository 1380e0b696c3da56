import { DEMO_SERVICE_API_KEY, loadClientsSettings } from './clients.config';

const quiet = () => {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (m: unknown) => void warnings.push(String(m)) } };
};

describe('ClientsConfig', () => {
  it('defaults to the local system APIs, 10 s, and the demo key with a warning outside production', () => {
    const { warnings, logger } = quiet();
    const s = loadClientsSettings({}, { NODE_ENV: 'development' }, logger);
    expect(s).toEqual({
      urls: { erp: 'http://127.0.0.1:3001', mes: 'http://127.0.0.1:3002', wms: 'http://127.0.0.1:3003', orderRelease: 'http://127.0.0.1:3101', inventoryTransfer: 'http://127.0.0.1:3102', reconciliation: 'http://127.0.0.1:3104' },
      apiKey: DEMO_SERVICE_API_KEY,
      timeoutMs: 10_000,
    });
    expect(warnings).toEqual([expect.stringContaining('PLANTSYNC_SERVICE_API_KEY is not set')]);
  });

  it('refuses to boot in production without a service key, naming the variable', () => {
    expect(() => loadClientsSettings({}, { NODE_ENV: 'production' }, quiet().logger)).toThrow(/PLANTSYNC_SERVICE_API_KEY=<unset>/);
  });

  it('reads the env, masks nothing it should not, and lets forRoot overrides win', () => {
    const { warnings, logger } = quiet();
    const env = {
      NODE_ENV: 'production',
      ERP_API_URL: 'http://erp-api:3001',
      WMS_API_URL: 'http://wms-api:3003',
      PLANTSYNC_SERVICE_API_KEY: 'ps_live_service_42a7c9e1',
      SYSTEM_API_TIMEOUT_MS: '2500',
    };
    const s = loadClientsSettings({ urls: { wms: 'http://127.0.0.1:41877' } }, env, logger);
    expect(s).toEqual({
      urls: { erp: 'http://erp-api:3001', mes: 'http://127.0.0.1:3002', wms: 'http://127.0.0.1:41877', orderRelease: 'http://127.0.0.1:3101', inventoryTransfer: 'http://127.0.0.1:3102', reconciliation: 'http://127.0.0.1:3104' },
      apiKey: 'ps_live_service_42a7c9e1',
      timeoutMs: 2500,
    });
    expect(warnings).toEqual([]);
  });

  it('lists every bad value at once and never prints the key', () => {
    let message = '';
    try {
      loadClientsSettings({}, { ERP_API_URL: 'erp-api:3001', SYSTEM_API_TIMEOUT_MS: '10', PLANTSYNC_SERVICE_API_KEY: 'short' }, quiet().logger);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/ERP_API_URL=erp-api:3001/);
    expect(message).toMatch(/SYSTEM_API_TIMEOUT_MS=10/);
    expect(message).toMatch(/PLANTSYNC_SERVICE_API_KEY=\*\*\*/);
  });
});
