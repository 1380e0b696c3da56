import type { SystemBinding } from '@plantsync/landscape';
import { odooErpConnectorFactory } from './odoo-erp.factory';

const binding = (options: Record<string, unknown>, credentialsEnv: string | null = 'P100_ODOO_API_KEY'): SystemBinding => ({
  connector: 'odoo-json2',
  baseUrl: 'http://127.0.0.1:4010/plants/P100/erp',
  timeoutMs: 5000,
  credentialsEnv: credentialsEnv ?? undefined,
  options,
});

describe('odoo-json2 factory', () => {
  const env = { P100_ODOO_API_KEY: 'sandbox-demo-key' };

  it('accepts the demo binding', () => {
    expect(odooErpConnectorFactory.validate(binding({ database: 'det_prod', companyId: 1 }), env)).toEqual([]);
    expect(odooErpConnectorFactory.validate(binding({ database: 'wro_prod', companyId: 3, lang: 'pl_PL' }), env)).toEqual([]);
  });

  it('reports every bad option with its path', () => {
    expect(odooErpConnectorFactory.validate(binding({ companyId: 'one', lang: 'polish', region: 'EU' }), env)).toEqual([
      { path: 'options.database', reason: expect.stringContaining('database is required') },
      { path: 'options.companyId', reason: expect.stringContaining('positive integer') },
      { path: 'options.lang', reason: expect.stringContaining('language code') },
      { path: 'options.region', reason: expect.stringContaining('unknown option') },
    ]);
  });

  it('stops boot when the API key variable is missing', () => {
    expect(odooErpConnectorFactory.validate(binding({ database: 'det_prod' }), {})).toEqual([
      { path: 'credentialsEnv', reason: 'environment variable P100_ODOO_API_KEY (the Odoo API key) is not set' },
    ]);
    expect(odooErpConnectorFactory.validate(binding({ database: 'det_prod' }, null), env)[0].path).toBe('credentialsEnv');
  });

  it('builds an ERP connector for the plant', () => {
    const connector = odooErpConnectorFactory.create('P100', binding({ database: 'det_prod' }));
    expect(connector).toMatchObject({ plant: 'P100', system: 'erp' });
  });
});
