// REST WMS adapter (kind `rest-wms`): Plantsync's own WMS contract, docs/wms-contract.openapi.yaml.
// Mapping helpers stay internal (import them from their file in specs) so their names cannot
// clash with other adapters' in the package index.
export * from './rest-wms.contract';
export * from './rest-wms.connector';
export * from './rest-wms.factory';
