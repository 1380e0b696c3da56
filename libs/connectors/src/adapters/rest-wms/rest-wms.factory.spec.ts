import { SystemBinding } from '@plantsync/landscape';
import { restWmsConnectorFactory } from './rest-wms.factory';

const binding = (options: Record<string, unknown>, credentialsEnv?: string): SystemBinding =>
  Object.assign(new SystemBinding(), {
    connector: 'rest-wms',
    baseUrl: 'http://127.0.0.1:4010/plants/P100/wms',
    timeoutMs: 2000,
    credentialsEnv,
    options,
  });

describe('rest-wms connector factory', () => {
  it('accepts a binding with a warehouse code and a set credential', () => {
    expect(restWmsConnectorFactory.validate(binding({ warehouseCode: 'DET1' }, 'P100_WMS_API_KEY'), { P100_WMS_API_KEY: 't' })).toEqual([]);
  });

  it('reports a missing warehouse code, a typo in the options and an unset credential at boot', () => {
    const problems = restWmsConnectorFactory.validate(binding({ warehouse: 'DET1' }, 'P100_WMS_API_KEY'), {});
    expect(problems.map((p) => p.path).sort()).toEqual(['credentialsEnv', 'options.warehouse', 'options.warehouseCode']);
    expect(problems.find((p) => p.path === 'credentialsEnv')?.reason).toContain('P100_WMS_API_KEY is not set');
  });
});
