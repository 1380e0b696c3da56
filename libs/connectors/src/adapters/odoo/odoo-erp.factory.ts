import type { SystemBinding } from '@plantsync/landscape';
import type { ConnectorFactory } from '../../registry/connector-factory';
import { OdooErpConnector } from './odoo-erp.connector';
import { validateOdooOptions } from './odoo-erp.options';

/** `connector: odoo-json2` in the landscape: an Odoo 19 ERP over the External JSON-2 API. */
export const odooErpConnectorFactory: ConnectorFactory<'erp'> = {
  kind: 'odoo-json2',
  system: 'erp',
  validate: (binding: SystemBinding, env: NodeJS.ProcessEnv) => validateOdooOptions(binding, env),
  create: (plant: string, binding: SystemBinding) => new OdooErpConnector(plant, binding),
};
