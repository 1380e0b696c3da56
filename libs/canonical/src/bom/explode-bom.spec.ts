import { Quantity } from '../quantity/quantity';
import type { UnitConversion } from '../uom/unit-of-measure';
import type { BillOfMaterials } from './bill-of-materials';
import { BomCycleError, BomTooDeepError, NoReleasedRevisionError } from './bom.errors';
import { explodeBom } from './explode-bom';

type Line = [item: string, quantityPer: string, unit: string, scrap?: string];

function bom(item: string, lines: Line[], extra: Partial<BillOfMaterials> = {}): BillOfMaterials {
  return {
    id: item,
    item,
    revision: 'A',
    status: 'released',
    effectiveFrom: '2025-01-01',
    baseQuantity: Quantity.of('1', 'EA'),
    components: lines.map(([code, qty, unit, scrap = '0']) => ({
      item: code,
      quantityPer: Quantity.of(qty, unit),
      scrapFactor: scrap,
    })),
    ...extra,
  };
}

const conversions: UnitConversion[] = [
  { fromUnit: 'G', toUnit: 'KG', factor: '0.001' },
  { fromUnit: 'MM', toUnit: 'M', factor: '0.001' },
  { fromUnit: 'BOX', toUnit: 'EA', factor: '12', item: 'BRKT-1042' },
];

const BASE_UNITS: Record<string, string> = { 'GRS-LI2': 'KG', 'ALU-6061-BAR': 'M', 'BRKT-1042': 'EA', 'SCR-M6X20': 'EA' };

function loader(boms: BillOfMaterials[]) {
  return async (item: string) => boms.filter((b) => b.item === item);
}

const options = { baseUnitOf: async (item: string) => BASE_UNITS[item] };

describe('explodeBom', () => {
  const actuator = [
    bom('ACT-2200', [
      ['SA-2201', '1', 'EA'],
      ['BRKT-1042', '2', 'EA'],
      ['SCR-M6X20', '8', 'EA', '0.02'],
      ['GRS-LI2', '15', 'G', '0.05'],
    ], { revision: 'B' }),
    bom('SA-2201', [['SA-2206', '1', 'EA']]),
    bom('SA-2206', [['ALU-6061-BAR', '65', 'MM', '0.05']]),
  ];

  it('computes parent quantity × quantity per × (1 + scrap) on every level', async () => {
    const lines = await explodeBom('ACT-2200', Quantity.of('250', 'EA'), '2026-11-02', loader(actuator), conversions, options);
    const byItem = Object.fromEntries(lines.map((l) => [l.item, l]));
    expect(byItem['SCR-M6X20'].requiredQuantity).toEqual(Quantity.of('2040', 'EA'));
    expect(byItem['BRKT-1042']).toMatchObject({ level: 1, path: ['ACT-2200'], revision: 'B', leaf: true });
    expect(byItem['SA-2201']).toMatchObject({ level: 1, leaf: false, requiredQuantity: Quantity.of('250', 'EA') });
    expect(byItem['ALU-6061-BAR']).toMatchObject({ level: 3, path: ['ACT-2200', 'SA-2201', 'SA-2206'], leaf: true });
  });

  it("converts a line's unit to the component's base unit", async () => {
    const lines = await explodeBom('ACT-2200', Quantity.of('250', 'EA'), '2026-11-02', loader(actuator), conversions, options);
    // 250 × 15 g × 1.05 = 3937.5 g = 3.9375 kg; 250 × 65 mm × 1.05 = 17.0625 m
    expect(lines.find((l) => l.item === 'GRS-LI2')!.requiredQuantity).toEqual(Quantity.of('3.9375', 'KG'));
    expect(lines.find((l) => l.item === 'ALU-6061-BAR')!.requiredQuantity).toEqual(Quantity.of('17.0625', 'M'));
  });

  it('divides by the base quantity and accepts the order quantity in another unit', async () => {
    const boxed = [bom('KIT-10', [['BRKT-1042', '5', 'EA']], { baseQuantity: Quantity.of('10', 'EA') })];
    const kitBox: UnitConversion[] = [...conversions, { fromUnit: 'BOX', toUnit: 'EA', factor: '20', item: 'KIT-10' }];
    const lines = await explodeBom('KIT-10', Quantity.of('3', 'BOX'), '2026-11-02', loader(boxed), kitBox, options);
    expect(lines[0].requiredQuantity).toEqual(Quantity.of('30', 'EA'));
  });

  it('keeps no more than 12 fraction digits for requirements that do not divide evenly', async () => {
    const thirds = [bom('SA-1', [['SCR-M6X20', '1', 'EA']], { baseQuantity: Quantity.of('3', 'EA') })];
    const lines = await explodeBom('SA-1', Quantity.of('1', 'EA'), '2026-11-02', loader(thirds), conversions, options);
    expect(lines[0].requiredQuantity.value).toBe('0.333333333333');
  });

  it('names the path of a cycle', async () => {
    const cyclic = [bom('SA-1', [['SA-2', '1', 'EA']]), bom('SA-2', [['SA-3', '1', 'EA']]), bom('SA-3', [['SA-1', '1', 'EA']])];
    await expect(explodeBom('SA-1', Quantity.of('1', 'EA'), '2026-11-02', loader(cyclic), conversions)).rejects.toThrow(
      new BomCycleError(['SA-1', 'SA-2', 'SA-3', 'SA-1']),
    );
  });

  it('stops at 20 levels', async () => {
    const chain = Array.from({ length: 25 }, (_, i) => bom(`SA-${i}`, [[`SA-${i + 1}`, '1', 'EA']]));
    await expect(explodeBom('SA-0', Quantity.of('1', 'EA'), '2026-11-02', loader(chain), conversions)).rejects.toThrow(
      BomTooDeepError,
    );
  });

  it('fails naming the sub-assembly that has no released revision on the day', async () => {
    const draftSub = [bom('ACT-2300', [['SA-2204', '1', 'EA']]), bom('SA-2204', [], { status: 'draft' })];
    await expect(
      explodeBom('ACT-2300', Quantity.of('1', 'EA'), '2026-11-02', loader(draftSub), conversions),
    ).rejects.toThrow(new NoReleasedRevisionError('SA-2204', '2026-11-02'));
  });
});
