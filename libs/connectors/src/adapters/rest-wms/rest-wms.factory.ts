import type { SystemBinding } from '@plantsync/landscape';
import type { ConnectorFactory } from '../../registry/connector-factory';
import { REST_WMS_KIND, RestWmsConnector } from './rest-wms.connector';

const KNOWN_OPTIONS = ['warehouseCode'];

/** `connector: rest-wms` — a WMS implementing docs/wms-contract.openapi.yaml. */
export const restWmsConnectorFactory: ConnectorFactory<'wms'> = {
  kind: REST_WMS_KIND,
  system: 'wms',
  validate(binding: SystemBinding, env: NodeJS.ProcessEnv) {
    const problems: Array<{ path: string; reason: string }> = [];
    const options = binding.options ?? {};
    const code = options.warehouseCode;
    if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(code)) {
      problems.push({
        path: 'options.warehouseCode',
        reason: 'required: the warehouse this WMS endpoint serves (letters, digits, _ -; e.g. DET1)',
      });
    }
    for (const key of Object.keys(options).filter((k) => !KNOWN_OPTIONS.includes(k))) {
      problems.push({ path: `options.${key}`, reason: `unknown rest-wms option (known: ${KNOWN_OPTIONS.join(', ')})` });
    }
    if (!binding.credentialsEnv) {
      problems.push({ path: 'credentialsEnv', reason: 'required: the env var holding the WMS bearer token' });
    } else if (!env[binding.credentialsEnv]) {
      problems.push({ path: 'credentialsEnv', reason: `environment variable ${binding.credentialsEnv} is not set` });
    }
    return problems;
  },
  create(plant: string, binding: SystemBinding) {
    return new RestWmsConnector(plant, binding);
  },
};
