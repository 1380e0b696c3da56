// Simulator feature modules booted by SandboxModule. Append yours here:
//   import { OdooErpSimulatorModule } from './erp/odoo-erp-simulator.module';
//   export const SIMULATOR_MODULES = [OdooErpSimulatorModule];
import { B2mmlMesSimulatorModule } from './mes/b2mml-mes-simulator.module';
import { OdooErpSimulatorModule } from './erp/odoo-erp-simulator.module';
import { RestWmsSimulatorModule } from './wms/rest-wms-simulator.module';
import { DriftModule } from './drift/drift.module';
import { OrderLoadModule } from './order-load/order-load.module';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SIMULATOR_MODULES: any[] = [OdooErpSimulatorModule, B2mmlMesSimulatorModule, RestWmsSimulatorModule, DriftModule, OrderLoadModule];
