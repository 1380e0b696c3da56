import { ApiKeyRegistry, sha256Hex } from './api-key.registry';
import { loadApiKeyFile, parseApiKeyDocument } from './api-key-file';

describe('API key file', () => {
  it('loads the demo file', () => {
    const entries = loadApiKeyFile('config/api-keys.demo.yaml');
    expect(entries.map((e) => e.scopes[0])).toEqual(
      expect.arrayContaining(['admin', 'planner', 'service', 'mes:P100', 'supplier:SUP-1001']),
    );
  });

  it.each([
    [{}, '$.keys'],
    [{ keys: [{ id: 'a', scopes: ['admin'] }] }, '$.keys[0]: exactly one of key or keySha256'],
    [
      { keys: [{ id: 'a', key: 'ps_demo_key_long_enough', scopes: ['root'] }] },
      '$.keys[0].scopes[0]',
    ],
    [{ keys: [{ id: 'a', keySha256: 'abc', scopes: ['admin'] }] }, '$.keys[0].keySha256'],
    [
      { keys: [{ id: 'a', key: 'ps_demo_key_long_enough', scopes: ['admin'], role: 'x' }] },
      '$.keys[0].role',
    ],
  ])('rejects %j naming %s', (doc, where) => {
    expect(() => parseApiKeyDocument('config/keys.yaml', doc)).toThrow(
      `config/keys.yaml at ${where}`,
    );
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadApiKeyFile('config/missing.yaml')).toThrow('config/missing.yaml');
  });
});

describe('ApiKeyRegistry', () => {
  const registry = new ApiKeyRegistry(
    parseApiKeyDocument('inline', {
      keys: [
        { id: 'planner-detroit', key: 'ps_test_planner_0001', scopes: ['planner'] },
        { id: 'mes-p100', keySha256: sha256Hex('ps_test_mes_p100_0001'), scopes: ['mes:P100'] },
      ],
    }),
  );

  it('authenticates plaintext and hashed entries', () => {
    expect(registry.authenticate('ps_test_planner_0001')?.id).toBe('planner-detroit');
    expect(registry.authenticate('ps_test_mes_p100_0001')?.mesPlants()).toEqual(['P100']);
    expect(registry.authenticate('ps_test_unknown')).toBeUndefined();
  });
});
