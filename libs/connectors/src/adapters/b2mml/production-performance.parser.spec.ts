import type { ProductionConfirmation } from '@plantsync/canonical';
import { B2mmlFormatError } from './b2mml.xml';
import { buildSyncProductionPerformance } from './production-performance.builder';
import { parseProductionPerformance } from './production-performance.parser';

const confirmation: ProductionConfirmation = {
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
};

const app = { sender: 'MES-DET', bodId: 'SYNC-DET-000731', createdAt: '2026-11-02T10:15:01Z' };
const plantOfScope = (scope: string) => ({ DET: 'P100', MTY: 'P200' })[scope];

describe('parseProductionPerformance (B2MML → canonical ProductionConfirmation)', () => {
  it('reads back every field a plant MES reports, mapping its site code to our plant', () => {
    const xml = buildSyncProductionPerformance([confirmation], { hierarchyScope: 'DET', application: app });
    const parsed = parseProductionPerformance(xml, { plantOfScope });
    expect(parsed).toMatchObject({ verb: 'Sync', bodId: 'SYNC-DET-000731', sender: 'MES-DET' });
    expect(parsed.confirmations).toEqual([
      { path: 'ProductionPerformance[0]/ProductionResponse[0]/SegmentResponse[0]', confirmation },
    ]);
  });

  it('takes one confirmation per ProductionResponse of a batch', () => {
    const second = { ...confirmation, messageId: 'MES-P100-20261102-000732', sequence: 4, final: false };
    const xml = buildSyncProductionPerformance([confirmation, second], { hierarchyScope: 'DET', application: app });
    const parsed = parseProductionPerformance(xml, { plantOfScope });
    expect(parsed.confirmations.map((c) => c.confirmation.messageId)).toEqual(['MES-P100-20261102-000731', 'MES-P100-20261102-000732']);
    expect(parsed.confirmations[1].confirmation).toMatchObject({ sequence: 4, final: false });
  });

  it('reports zero scrap in the yield unit when the MES sends no scrap property', () => {
    const { scrapReason: _reason, ...noReason } = confirmation;
    const xml = buildSyncProductionPerformance([noReason as ProductionConfirmation], { hierarchyScope: 'DET', application: app }).replace(
      /<MaterialProducedActualProperty>[\s\S]*?<\/MaterialProducedActualProperty>/,
      '',
    );
    expect(xml).not.toContain('ScrapQuantity');
    expect(parseProductionPerformance(xml, { plantOfScope }).confirmations[0].confirmation.scrap).toEqual({ value: '0', unit: 'EA' });
  });

  it('gives each SegmentResponse of one ProductionResponse its own message id', () => {
    const single = buildSyncProductionPerformance([confirmation], { hierarchyScope: 'DET', application: app });
    const segment = /<SegmentResponse>[\s\S]*<\/SegmentResponse>/.exec(single)![0];
    const xml = single.replace(segment, segment + segment.replace('<ID>3</ID>', '<ID>4</ID>'));
    const ids = parseProductionPerformance(xml, { plantOfScope }).confirmations.map((c) => c.confirmation.messageId);
    expect(ids).toEqual(['MES-P100-20261102-000731/3', 'MES-P100-20261102-000731/4']);
  });

  it('accepts ProcessProductionPerformance too', () => {
    const xml = buildSyncProductionPerformance([confirmation], { hierarchyScope: 'DET', application: app })
      .replace(/SyncProductionPerformance/g, 'ProcessProductionPerformance')
      .replace('<Sync></Sync>', '<Process/>')
      .replace('<Sync/>', '<Process/>');
    expect(parseProductionPerformance(xml, { plantOfScope }).verb).toBe('Process');
  });

  it('passes an unknown site code through so the plant check can name it', () => {
    const xml = buildSyncProductionPerformance([confirmation], { hierarchyScope: 'XYZ', application: app });
    expect(parseProductionPerformance(xml, { plantOfScope }).confirmations[0].confirmation.plant).toBe('XYZ');
  });

  it.each([
    ['', /empty/],
    ['<SyncProductionPerformance><DataArea>', /not well-formed XML/],
    ['<!DOCTYPE x [<!ENTITY a "b">]><SyncProductionPerformance/>', /DOCTYPE/],
    ['<ProcessProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600"/>', /expected a SyncProductionPerformance or ProcessProductionPerformance/],
    ['<SyncProductionPerformance xmlns="urn:other"><DataArea><Sync/></DataArea></SyncProductionPerformance>', /namespace/],
    ['<SyncProductionPerformance xmlns="http://www.mesa.org/xml/B2MML-V0600"><DataArea><Sync/></DataArea></SyncProductionPerformance>', /no ProductionPerformance/],
  ])('refuses %j with a reason', (xml, reason) => {
    expect(() => parseProductionPerformance(xml)).toThrow(B2mmlFormatError);
    expect(() => parseProductionPerformance(xml)).toThrow(reason);
  });
});
