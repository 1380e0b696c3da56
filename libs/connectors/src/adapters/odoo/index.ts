// Odoo 19 ERP adapter (kind `odoo-json2`), docs/connectors.md. Mappers stay internal (import them
// from their file in specs) so their names cannot clash with other adapters' in the package index.
export * from './odoo-erp.connector';
export * from './odoo-erp.factory';
export * from './odoo-erp.options';
export { OdooJson2Client, isOdooUserError, type OdooCallOptions } from './odoo-json2.client';
