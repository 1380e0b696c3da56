import type { SystemBinding, SystemKind } from '@plantsync/landscape';
import type { ErpConnector } from '../ports/erp.connector';
import type { MesConnector } from '../ports/mes.connector';
import type { WmsConnector } from '../ports/wms.connector';

export interface ConnectorBySystem {
  erp: ErpConnector;
  mes: MesConnector;
  wms: WmsConnector;
}

/**
 * How a connector kind named in the landscape becomes an instance. `validate` checks the
 * binding's connector-specific options and returns problems as { path (relative to the binding), reason }.
 */
export interface ConnectorFactory<S extends SystemKind = SystemKind> {
  readonly kind: string;
  readonly system: S;
  validate(binding: SystemBinding, env: NodeJS.ProcessEnv): Array<{ path: string; reason: string }>;
  create(plant: string, binding: SystemBinding): ConnectorBySystem[S];
}
