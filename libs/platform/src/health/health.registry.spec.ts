import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('reports throwing and hanging checks as down', async () => {
    const registry = new HealthRegistry();
    registry.register('redis', async () => undefined);
    registry.register('erp:P100', async () => {
      throw new Error('Odoo at P100 Detroit refused the connection');
    });
    registry.register('wms:P200', () => new Promise(() => undefined));
    const results = await registry.runAll(50);
    expect(results).toEqual([
      { name: 'redis', status: 'up' },
      { name: 'erp:P100', status: 'down', detail: 'Odoo at P100 Detroit refused the connection' },
      { name: 'wms:P200', status: 'down', detail: 'timed out after 50 ms' },
    ]);
  });
});
