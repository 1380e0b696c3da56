import { SystemBinding } from '@plantsync/landscape';
import { b2mmlMesConnectorFactory } from './b2mml-mes.factory';
import { B2mmlFormatError } from './b2mml.xml';
import { parseAcknowledgeProductionSchedule, parseShowProductionSchedule, workOrderStatusOf } from './production-schedule.parser';

const show = (request: string) => `<?xml version="1.0"?>
<ShowProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0">
  <ApplicationArea><CreationDateTime>2026-11-05T07:00:00Z</CreationDateTime></ApplicationArea>
  <DataArea><Show/>
    <ProductionSchedule><ID>WO-MO-P200-000118</ID>
      <ProductionRequest><ID>MO-P200-000118</ID>
        <SegmentRequirement>
          <EarliestStartTime>2026-11-05T06:00:00Z</EarliestStartTime><LatestEndTime>2026-11-06T14:00:00Z</LatestEndTime>
          <EquipmentRequirement><EquipmentID>P200-WC-ASSY1</EquipmentID></EquipmentRequirement>
          <MaterialProducedRequirement><MaterialDefinitionID>ACT-2200</MaterialDefinitionID>
            <Quantity><QuantityString>120.0</QuantityString><UnitOfMeasure>EA</UnitOfMeasure></Quantity>
          </MaterialProducedRequirement>
        </SegmentRequirement>
        ${request}
      </ProductionRequest>
    </ProductionSchedule>
  </DataArea>
</ShowProductionSchedule>`;

describe('ProductionSchedule answers → canonical WorkOrder', () => {
  it('maps a dispatched request without responses', () => {
    expect(parseShowProductionSchedule(show('<RequestState>Released</RequestState>'), 'P200')).toEqual([
      {
        id: 'WO-MO-P200-000118',
        plant: 'P200',
        productionOrder: 'MO-P200-000118',
        item: 'ACT-2200',
        quantity: { value: '120', unit: 'EA' },
        producedQuantity: { value: '0', unit: 'EA' },
        scrapQuantity: { value: '0', unit: 'EA' },
        status: 'dispatched',
        plannedStart: '2026-11-05T06:00:00Z',
        plannedEnd: '2026-11-06T14:00:00Z',
        workCenter: 'P200-WC-ASSY1',
      },
    ]);
  });

  it('sums produced and scrap actuals and takes the status from the last SegmentState', () => {
    const actual = (qty: string, scrap: string, state: string) => `<SegmentResponse>
      <MaterialProducedActual><Quantity><QuantityString>${qty}</QuantityString><UnitOfMeasure>EA</UnitOfMeasure></Quantity>
        <MaterialProducedActualProperty><ID>ScrapQuantity</ID><Quantity><QuantityString>${scrap}</QuantityString><UnitOfMeasure>EA</UnitOfMeasure></Quantity></MaterialProducedActualProperty>
      </MaterialProducedActual><SegmentState>${state}</SegmentState></SegmentResponse>`;
    const [wo] = parseShowProductionSchedule(show(actual('40.5', '1', 'Running') + actual('60', '0.5', 'Holding')), 'P200');
    expect(wo).toMatchObject({ producedQuantity: { value: '100.5', unit: 'EA' }, scrapQuantity: { value: '1.5', unit: 'EA' }, status: 'held' });
  });

  it.each([
    [undefined, undefined, undefined, 'dispatched'],
    ['Released', undefined, 'Ready', 'dispatched'],
    ['Released', undefined, 'Running', 'running'],
    ['Released', undefined, 'Paused', 'held'],
    ['Released', undefined, 'Completed', 'completed'],
    ['Released', undefined, 'Aborted', 'aborted'],
    ['Other', 'Cancelled', undefined, 'aborted'],
  ])('RequestState %s (%s) with SegmentState %s is %s', (request, other, segment, status) => {
    expect(workOrderStatusOf(request, other, segment)).toBe(status);
  });

  it('reads a rejection from AcknowledgeProductionSchedule', () => {
    const ack = `<AcknowledgeProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0">
      <ApplicationArea><CreationDateTime>2026-11-05T07:00:00Z</CreationDateTime></ApplicationArea>
      <DataArea><Acknowledge><OriginalApplicationArea><CreationDateTime>2026-11-05T06:59:00Z</CreationDateTime><BODID>PS-1</BODID></OriginalApplicationArea>
        <ResponseCriteria><ResponseExpression actionCode="Rejected">work center P200-WC-ASSY9 unknown</ResponseExpression></ResponseCriteria></Acknowledge>
        <ProductionSchedule><ID>x</ID></ProductionSchedule></DataArea></AcknowledgeProductionSchedule>`;
    expect(parseAcknowledgeProductionSchedule(ack, 'P200')).toEqual({
      accepted: false,
      reason: 'work center P200-WC-ASSY9 unknown',
      originalBodId: 'PS-1',
      workOrders: [],
    });
  });

  it('reads a site without work orders (one ProductionSchedule holding only its HierarchyScope) as an empty list', () => {
    const empty = `<ShowProductionSchedule xmlns="http://www.mesa.org/xml/B2MML-V0600" releaseID="6.0">
      <ApplicationArea><CreationDateTime>2026-11-05T07:00:00Z</CreationDateTime></ApplicationArea>
      <DataArea><Show/><ProductionSchedule><HierarchyScope><EquipmentID>MTY</EquipmentID><EquipmentElementLevel>Site</EquipmentElementLevel></HierarchyScope></ProductionSchedule></DataArea>
    </ShowProductionSchedule>`;
    expect(parseShowProductionSchedule(empty, 'P200')).toEqual([]);
  });

  it('refuses a schedule without the produced material', () => {
    const xml = show('').replace(/<MaterialProducedRequirement>[\s\S]*<\/MaterialProducedRequirement>/, '');
    expect(() => parseShowProductionSchedule(xml, 'P200')).toThrow(B2mmlFormatError);
  });
});

describe('b2mml-v0600 factory', () => {
  const binding = (options: Record<string, unknown>, credentialsEnv = 'P200_MES_TOKEN') =>
    Object.assign(new SystemBinding(), { connector: 'b2mml-v0600', baseUrl: 'http://127.0.0.1:4010/plants/P200/mes', timeoutMs: 3000, credentialsEnv, options });

  it('reports a missing hierarchyScope and a missing credential at boot', () => {
    expect(b2mmlMesConnectorFactory.validate(binding({}), {}).map((p) => p.path)).toEqual(['options.hierarchyScope', 'credentialsEnv']);
    expect(b2mmlMesConnectorFactory.validate(binding({ hierarchyScope: 'MTY' }), { P200_MES_TOKEN: 't' })).toEqual([]);
  });
});
