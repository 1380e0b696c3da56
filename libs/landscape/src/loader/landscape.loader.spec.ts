import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LandscapeError } from './landscape.error';
import { parseLandscape } from './landscape.loader';

const demo = readFileSync(join(__dirname, '../../../../config/landscape.yaml'), 'utf8');

function issuesOf(text: string, env: NodeJS.ProcessEnv = {}): Array<{ path: string; reason: string }> {
  try {
    parseLandscape(text, 'landscape.yaml', env);
  } catch (e) {
    if (e instanceof LandscapeError) return [...e.issues];
    throw e;
  }
  throw new Error('expected the landscape to be rejected');
}

describe('parseLandscape', () => {
  it('loads the demo landscape with three plants and env defaults applied', () => {
    const landscape = parseLandscape(demo, 'landscape.yaml', {});
    expect(landscape.plants().map((p) => p.code)).toEqual(['P100', 'P200', 'P300']);
    expect(landscape.system('P200', 'erp')).toMatchObject({
      connector: 'odoo-json2',
      baseUrl: 'http://127.0.0.1:4010/plants/P200/erp',
      timeoutMs: 8000,
      credentialsEnv: 'P200_ODOO_API_KEY',
    });
    expect(landscape.systemOfRecord('inventory')).toBe('wms');
    expect(landscape.maxLagSeconds('production')).toBe(120);
  });

  it('reads base URLs from the environment', () => {
    const landscape = parseLandscape(demo, 'landscape.yaml', { SANDBOX_URL: 'http://sandbox:9000' });
    expect(landscape.system('P300', 'wms').baseUrl).toBe('http://sandbox:9000/plants/P300/wms');
  });

  it('names the path and reason of every problem', () => {
    const broken = demo
      .replace('timeoutMs: 8000', 'timeoutMs: fast')
      .replace('timeZone: Europe/Warsaw', 'timeZone: Europe/Wroclaw')
      .replace('connector: rest-wms\n        baseUrl: ${SANDBOX_URL:-http://127.0.0.1:4010}/plants/P100/wms', 'connector: rest-wms\n        baseUrl: not a url');
    const issues = issuesOf(broken);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'plants[1].systems.erp.timeoutMs' }),
        expect.objectContaining({ path: 'plants[0].systems.wms.baseUrl' }),
      ]),
    );
    // Time zones are checked once the structure is valid.
    const tz = issuesOf(demo.replace('timeZone: Europe/Warsaw', 'timeZone: Europe/Wroclaw'));
    expect(tz).toEqual([{ path: 'plants[2].timeZone', reason: 'unknown IANA time zone "Europe/Wroclaw"' }]);
  });

  it('refuses inline credentials and duplicate plants', () => {
    const inline = demo.replace('credentialsEnv: P100_ODOO_API_KEY', 'apiKey: s3cr3t');
    expect(issuesOf(inline)).toEqual(
      expect.arrayContaining([
        { path: 'plants[0].systems.erp.apiKey', reason: expect.stringContaining('must not be inline') },
      ]),
    );
    const dup = demo.replace('code: P300', 'code: P100');
    expect(issuesOf(dup)).toContainEqual({ path: 'plants[2].code', reason: 'duplicate plant code P100 (also plants[0])' });
  });

  it('reports YAML syntax errors with a line', () => {
    const issues = issuesOf('version: 1\nplants: [\n');
    expect(issues[0].path).toMatch(/^line \d+/);
  });
});

describe('Landscape credentials', () => {
  it('derives every credential env var from the bindings', () => {
    const landscape = parseLandscape(demo, 'landscape.yaml', {});
    expect(landscape.credentialEnvNames()).toHaveLength(9);
    expect(landscape.credentialsEnv('sandbox-demo-key')).toMatchObject({
      P100_ODOO_API_KEY: 'sandbox-demo-key',
      P200_MES_TOKEN: 'sandbox-demo-key',
      P300_WMS_API_KEY: 'sandbox-demo-key',
    });
  });
});
