import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WMS_CONTRACT_OPERATIONS } from './rest-wms.contract';

interface OpenApiOperation {
  operationId?: string;
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
}
type OpenApi = { openapi: string; paths: Record<string, Record<string, OpenApiOperation>> };

const contract = parse(readFileSync(join(__dirname, '../../../../../docs/wms-contract.openapi.yaml'), 'utf8')) as OpenApi;

describe('the published WMS contract (docs/wms-contract.openapi.yaml)', () => {
  it('is OpenAPI 3.1', () => {
    expect(contract.openapi).toMatch(/^3\.1\./);
  });

  it.each(Object.entries(WMS_CONTRACT_OPERATIONS))('lists %s, which the rest-wms connector calls', (operationId, { method, path }) => {
    const operation = contract.paths[path]?.[method.toLowerCase()];
    expect(operation).toBeDefined();
    expect(operation?.operationId).toBe(operationId);
  });

  it('lets clients send an Idempotency-Key on every POST', () => {
    const posts = Object.values(contract.paths).flatMap((item) => (item.post ? [item.post] : []));
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
  });

  it('has no operation the connector does not use (the contract asks nothing a WMS need not offer)', () => {
    const used = new Set(Object.values(WMS_CONTRACT_OPERATIONS).map(({ method, path }) => `${method} ${path}`));
    const listed = Object.entries(contract.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual([...used].sort());
  });
});
