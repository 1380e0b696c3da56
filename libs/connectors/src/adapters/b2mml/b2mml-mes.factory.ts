import type { SystemBinding } from '@plantsync/landscape';
import type { ConnectorFactory } from '../../registry/connector-factory';
import { B2mmlMesConnector, B2MML_V0600_KIND } from './b2mml-mes.connector';

/** `connector: b2mml-v0600` — a plant MES speaking ISA-95 B2MML V0600 over HTTP. */
export const b2mmlMesConnectorFactory: ConnectorFactory<'mes'> = {
  kind: B2MML_V0600_KIND,
  system: 'mes',
  validate(binding: SystemBinding, env: NodeJS.ProcessEnv) {
    const problems: Array<{ path: string; reason: string }> = [];
    const scope = (binding.options ?? {}).hierarchyScope;
    if (typeof scope !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(scope)) {
      problems.push({
        path: 'options.hierarchyScope',
        reason: 'required: the MES site code sent as B2MML HierarchyScope/EquipmentID (letters, digits, . _ -; e.g. DET)',
      });
    }
    if (!binding.credentialsEnv) {
      problems.push({ path: 'credentialsEnv', reason: 'required: the env var holding the MES bearer token' });
    } else if (!env[binding.credentialsEnv]) {
      problems.push({ path: 'credentialsEnv', reason: `environment variable ${binding.credentialsEnv} is not set` });
    }
    return problems;
  },
  create(plant: string, binding: SystemBinding) {
    return new B2mmlMesConnector(plant, binding);
  },
};
