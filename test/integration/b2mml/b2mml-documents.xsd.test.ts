import fs from 'node:fs';
import path from 'node:path';
import {
  buildAcknowledgeProductionPerformance,
  buildGetProductionSchedule,
  buildGetProductionSchedulesOfSite,
  buildProcessProductionSchedule,
  buildSyncProductionPerformance,
} from '@plantsync/connectors';
import {
  acknowledgeProductionSchedule,
  showProductionSchedule,
  syncProductionPerformance,
} from '../../../apps/sandbox/src/mes/mes-schedule.documents';
import type { MesWorkOrder } from '../../../apps/sandbox/src/mes/mes-work-order';
import { B2MML_SCHEMA_DIR, b2mmlSchemaErrors, expectValidB2mml } from '../../b2mml/b2mml-xsd';

const app = { sender: 'PLANTSYNC', component: 'mes-api', bodId: 'PLANTSYNC-P100-0001' };

const workOrder = (overrides: Partial<MesWorkOrder> = {}): MesWorkOrder => ({
  id: 'WO-MO-P100-000031',
  plant: 'P100',
  orderNumber: 'MO-P100-000031',
  item: 'ACT-2200',
  quantity: '120',
  unit: 'EA',
  produced: '0',
  scrapped: '0',
  earliestStart: '2026-11-05T06:00:00Z',
  latestEnd: '2026-11-06T14:00:00Z',
  workCenter: 'P100-WC-ASSY1',
  hierarchyScope: 'DET',
  state: 'Ready',
  lastSequence: 0,
  createdAt: '2026-11-04T12:00:00Z',
  ...overrides,
});

/** Every B2MML document Plantsync or its simulated MES produces validates against the V0600 XSDs. */
describe('B2MML V0600 documents against the MESA schemas', () => {
  it('has the schemas (fails, never skips, when B2MML_SCHEMA_DIR is wrong)', () => {
    expect(fs.existsSync(path.join(B2MML_SCHEMA_DIR, 'B2MML-V0600-ProductionSchedule.xsd'))).toBe(true);
    expect(fs.existsSync(path.join(B2MML_SCHEMA_DIR, 'B2MML-V0600-ProductionPerformance.xsd'))).toBe(true);
  });

  it('rejects a document that breaks the schema (the validator really validates)', async () => {
    const broken = buildProcessProductionSchedule(
      { number: 'MO-P100-000031', item: 'ACT-2200', quantity: { value: '120', unit: 'EA' }, plannedStart: 'soon', plannedEnd: 'later' },
      { hierarchyScope: 'DET', application: app },
    );
    expect((await b2mmlSchemaErrors(broken)).join('\n')).toMatch(/EarliestStartTime.*not a valid value/);
  });

  describe('connector (outbound and the builders mes-api uses)', () => {
    it('ProcessProductionSchedule, with and without work center, date-only or date-time windows', async () => {
      await expectValidB2mml(
        buildProcessProductionSchedule(
          { number: 'MO-P100-000031', item: 'ACT-2200', quantity: { value: '120', unit: 'EA' }, plannedStart: '2026-11-05T06:00:00Z', plannedEnd: '2026-11-06T14:00:00Z', workCenter: 'P100-WC-ASSY1' },
          { hierarchyScope: 'DET', application: app },
        ),
      );
      await expectValidB2mml(
        buildProcessProductionSchedule(
          { number: 'MO-P300-000007', item: 'BRKT-1042', quantity: { value: '12.5', unit: 'KG' }, plannedStart: '2026-11-05', plannedEnd: '2026-11-06' },
          { hierarchyScope: 'WRO', application: app },
        ),
      );
    });

    it('GetProductionSchedule, by schedule ID and for every schedule of a site (no ID)', async () => {
      await expectValidB2mml(buildGetProductionSchedule('WO-MO-P100-000031', { hierarchyScope: 'DET', application: app }));
      const bySite = buildGetProductionSchedulesOfSite({ hierarchyScope: 'DET', application: app });
      expect(bySite).not.toMatch(/<ID>/);
      await expectValidB2mml(bySite);
    });

    it('SyncProductionPerformance with scrap reason, lot and consumptions, and AcknowledgeProductionPerformance', async () => {
      await expectValidB2mml(
        buildSyncProductionPerformance(
          [
            {
              messageId: 'MES-P100-20261102-000731',
              plant: 'P100',
              productionOrder: 'MO-P100-000031',
              sequence: 3,
              operation: '0020',
              workCenter: 'P100-WC-ASSY1',
              yield: { value: '118', unit: 'EA' },
              scrap: { value: '2', unit: 'EA' },
              scrapReason: 'SURFACE-DEFECT',
              lot: 'L2026-1102-A',
              final: true,
              reportedAt: '2026-11-02T10:15:00Z',
              consumptions: [{ item: 'BRKT-1042', quantity: { value: '236', unit: 'EA' }, lot: 'L-P100-260915-01' }],
            },
          ],
          { hierarchyScope: 'DET', application: app },
        ),
      );
      await expectValidB2mml(
        buildAcknowledgeProductionPerformance({
          original: { bodId: 'SYNC-P100-1', sender: 'MES-P100', createdAt: '2026-11-02T10:15:01Z' },
          application: app,
          hierarchyScope: 'DET',
          messageIds: ['MES-P100-20261102-000731'],
        }),
      );
    });
  });

  describe('simulated plant MES', () => {
    it('AcknowledgeProductionSchedule', async () => {
      await expectValidB2mml(acknowledgeProductionSchedule('P100', { bodId: 'PLANTSYNC-P100-0001', sender: 'PLANTSYNC' }, [workOrder()], 'ACK-P100-1'));
    });

    it('ShowProductionSchedule before and after work was reported', async () => {
      await expectValidB2mml(showProductionSchedule('P100', [workOrder()], 'SHOW-P100-1', 'GET-1'));
      await expectValidB2mml(showProductionSchedule('P100', [workOrder({ state: 'Running', produced: '50', scrapped: '1' })], 'SHOW-P100-2'));
    });

    it('ShowProductionSchedule for a whole site: many work orders, and none', async () => {
      const second = workOrder({ id: 'WO-MO-P100-000032', orderNumber: 'MO-P100-000032', state: 'Completed', produced: '120' });
      await expectValidB2mml(showProductionSchedule('P100', [workOrder(), second], 'SHOW-P100-3', 'GET-2', 'DET'));
      await expectValidB2mml(showProductionSchedule('P100', [], 'SHOW-P100-4', 'GET-3', 'DET'));
    });

    it('SyncProductionPerformance', async () => {
      await expectValidB2mml(
        syncProductionPerformance({
          plant: 'P100',
          bodId: 'SYNC-P100-1',
          messageId: 'MES-P100-MO-P100-000031-0001',
          wo: workOrder({ state: 'Running' }),
          sequence: 1,
          yieldQty: '50',
          scrapQty: '1',
          scrapReason: 'SURFACE-DEFECT',
          lot: 'L2026-1102-A',
          final: false,
          reportedAt: '2026-11-02T10:15:00Z',
        }),
      );
    });
  });
});
