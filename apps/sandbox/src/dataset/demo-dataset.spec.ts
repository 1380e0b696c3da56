import Decimal from 'decimal.js';
import { DATASET_ANCHOR_DATE, DEMO_DATASET, DEMO_SCENARIOS } from './demo-dataset';
import type { BomRevision, ProductionOrder, UnitCode } from './demo-dataset.types';

const d = DEMO_DATASET;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const plants = new Map(d.plants.map((p) => [p.code, p]));
const items = new Map(d.items.map((i) => [i.code, i]));
const suppliers = new Set(d.suppliers.map((s) => s.code));
const locations = new Set(d.plants.flatMap((p) => p.locations.map((l) => l.code)));
const workCenters = new Set(d.plants.flatMap((p) => p.workCenters.map((w) => w.code)));
const carries = (plant: string, item: string) =>
  items.get(item)?.plants.some((e) => e.plant === plant) ?? false;

/** `quantity` of `unit` expressed in the item's base unit (KG↔G, M↔MM, BOX via the item's conversion). */
function toBase(item: string, quantity: string, unit: UnitCode): Decimal {
  const base = items.get(item)!.baseUnit;
  if (unit === base) return new Decimal(quantity);
  const itemConversion = d.itemUnitConversions.find(
    (c) => c.item === item && c.from === unit && c.to === base,
  );
  if (itemConversion) return new Decimal(quantity).mul(itemConversion.factor);
  const from = d.units.find((u) => u.code === unit)!;
  const to = d.units.find((u) => u.code === base)!;
  if (from.dimension !== to.dimension || from.factor === '0')
    throw new Error(`${item}: no conversion ${unit} → ${base}`);
  return new Decimal(quantity).mul(from.factor).div(to.factor);
}

function releasedRevision(item: string, on: string): BomRevision | undefined {
  return d.boms
    .find((b) => b.item === item)
    ?.revisions.find(
      (r) =>
        r.status === 'released' && r.effectiveFrom <= on && (!r.effectiveTo || on <= r.effectiveTo),
    );
}

/** Direct-component shortages of a production order against unrestricted stock outside transit. */
function shortages(
  order: ProductionOrder,
): { item: string; required: string; available: string }[] {
  const revision = releasedRevision(order.item, order.plannedStart);
  if (!revision) throw new Error(`${order.number}: no released revision`);
  return revision.components.flatMap((c) => {
    const required = toBase(c.item, c.quantityPer, c.unit)
      .mul(order.quantity)
      .mul(new Decimal(1).plus(c.scrapFactor));
    const available = d.stock
      .filter(
        (s) =>
          s.plant === order.plant &&
          s.item === c.item &&
          s.status === 'unrestricted' &&
          !s.location.endsWith('-TRANSIT'),
      )
      .reduce((sum, s) => sum.plus(s.quantity), new Decimal(0));
    return required.gt(available)
      ? [{ item: c.item, required: required.toString(), available: available.toString() }]
      : [];
  });
}

describe('DEMO_DATASET integrity', () => {
  it('has the promised size and anchor', () => {
    expect(d.anchorDate).toBe(DATASET_ANCHOR_DATE);
    expect(DATASET_ANCHOR_DATE).toBe('2026-11-02');
    expect([...plants.keys()]).toEqual(['P100', 'P200', 'P300']);
    expect(d.items.length).toBeGreaterThanOrEqual(50);
    expect(d.suppliers.map((s) => s.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `SUP-${1001 + i}`),
    );
    expect(d.purchaseOrders.length).toBeGreaterThanOrEqual(20);
    for (const plant of plants.keys())
      expect(d.productionOrders.filter((o) => o.plant === plant).length).toBeGreaterThanOrEqual(8);
    expect(new Set(d.productionOrders.map((o) => o.status))).toEqual(
      new Set(['planned', 'released', 'in_progress', 'completed', 'closed', 'cancelled']),
    );
    expect(
      d.productionOrders.filter((o) => o.plant === 'P200' && o.status === 'released').length,
    ).toBeGreaterThanOrEqual(3);
    for (const type of ['finished', 'semi-finished', 'purchased', 'raw'])
      expect(d.items.some((i) => i.type === type)).toBe(true);
  });

  it('has unique keys', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(d.items.map((i) => i.code));
    unique([...locations]);
    unique(d.plants.flatMap((p) => p.locations.map((l) => l.code)));
    unique(d.purchaseOrders.map((p) => p.number));
    unique(d.productionOrders.map((o) => o.number));
    unique(d.lots.map((l) => l.code));
    unique(d.boms.map((b) => b.item));
    unique(d.stock.map((s) => [s.plant, s.location, s.item, s.lot ?? '', s.status].join('|')));
  });

  it('writes every quantity, price and factor as a decimal string', () => {
    const decimals: [string, unknown][] = [
      ...d.units.map((u): [string, unknown] => [`unit ${u.code}`, u.factor]),
      ...d.itemUnitConversions.map((c): [string, unknown] => [`conversion ${c.item}`, c.factor]),
      ...d.plants.flatMap((p) =>
        p.workCenters.map((w): [string, unknown] => [w.code, w.capacityHoursPerDay]),
      ),
      ...d.items.flatMap((i) => [
        [`${i.code} weight`, i.weightKg] as [string, unknown],
        ...i.plants.map((e): [string, unknown] => [
          `${i.code}@${e.plant} scrap`,
          e.scrapThresholdPercent,
        ]),
      ]),
      ...d.boms.flatMap((b) => [
        [`${b.item} base`, b.baseQuantity] as [string, unknown],
        ...b.revisions.flatMap((r) =>
          r.components.flatMap((c): [string, unknown][] => [
            [`${b.item}/${r.revision}/${c.item}`, c.quantityPer],
            [`${b.item}/${r.revision}/${c.item} scrap`, c.scrapFactor],
          ]),
        ),
      ]),
      ...d.purchaseOrders.flatMap((p) =>
        p.lines.flatMap((l): [string, unknown][] => [
          [`${p.number}/${l.lineNo}`, l.quantity],
          [`${p.number}/${l.lineNo} received`, l.receivedQuantity],
          [`${p.number}/${l.lineNo} price`, l.unitPrice],
        ]),
      ),
      ...d.productionOrders.flatMap((o): [string, unknown][] => [
        [o.number, o.quantity],
        [`${o.number} completed`, o.completedQuantity],
        [`${o.number} scrapped`, o.scrappedQuantity],
      ]),
      ...d.stock.map((s): [string, unknown] => [
        `stock ${s.plant}/${s.location}/${s.item}`,
        s.quantity,
      ]),
    ];
    const bad = decimals
      .filter(([, v]) => typeof v !== 'string' || !DECIMAL.test(v))
      .map(([what, v]) => `${what}=${String(v)}`);
    expect(bad).toEqual([]);
  });

  it('references only existing plants, items, locations, work centers and suppliers', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const p of d.plants)
      for (const w of p.workCenters)
        check(locations.has(w.supplyLocation) && w.supplyLocation.startsWith(p.code), w.code);
    for (const i of d.items)
      for (const e of i.plants) {
        check(plants.has(e.plant), `${i.code} plant ${e.plant}`);
        check(
          locations.has(e.defaultLocation) && e.defaultLocation.startsWith(`${e.plant}-`),
          `${i.code} location ${e.defaultLocation}`,
        );
      }
    for (const c of d.itemUnitConversions) check(items.has(c.item), `conversion ${c.item}`);
    for (const s of d.suppliers)
      for (const p of s.plants) check(plants.has(p), `${s.code} plant ${p}`);
    for (const po of d.purchaseOrders) {
      check(plants.has(po.plant), `${po.number} plant`);
      check(suppliers.has(po.supplier), `${po.number} supplier`);
      check(
        d.suppliers.find((s) => s.code === po.supplier)?.plants.includes(po.plant) ?? false,
        `${po.number}: supplier does not serve ${po.plant}`,
      );
      for (const l of po.lines) {
        check(
          carries(po.plant, l.item),
          `${po.number}/${l.lineNo}: ${po.plant} does not carry ${l.item}`,
        );
        check(locations.has(l.location), `${po.number}/${l.lineNo} location`);
        check(
          new Decimal(l.receivedQuantity).lt(l.quantity),
          `${po.number}/${l.lineNo} fully received but open`,
        );
        check(ISO_DATE.test(l.promisedDate), `${po.number}/${l.lineNo} date`);
        toBase(l.item, l.quantity, l.unit); // throws when the unit cannot convert
      }
    }
    for (const o of d.productionOrders) {
      check(carries(o.plant, o.item), `${o.number}: ${o.plant} does not carry ${o.item}`);
      check(
        items.get(o.item)?.plants.find((e) => e.plant === o.plant)?.procurement === 'make',
        `${o.number}: item is bought`,
      );
      check(
        workCenters.has(o.workCenter) && o.workCenter.startsWith(o.plant),
        `${o.number} work center`,
      );
      check(locations.has(o.outputLocation), `${o.number} output location`);
      check(
        d.boms
          .find((b) => b.item === o.item)
          ?.revisions.some((r) => r.revision === o.bomRevision) ?? false,
        `${o.number} revision`,
      );
      check(o.plannedStart <= o.plannedEnd, `${o.number} dates`);
      check(
        new Decimal(o.completedQuantity).plus(o.scrappedQuantity).lte(o.quantity),
        `${o.number} over-completed`,
      );
    }
    for (const s of d.stock) {
      const item = items.get(s.item);
      check(item !== undefined, `stock item ${s.item}`);
      check(carries(s.plant, s.item), `stock: ${s.plant} does not carry ${s.item}`);
      check(
        locations.has(s.location) && s.location.startsWith(`${s.plant}-`),
        `stock location ${s.location}`,
      );
      check(s.unit === item?.baseUnit, `stock ${s.item} unit`);
      check(
        item?.lotControlled === (s.lot !== undefined),
        `stock ${s.plant}/${s.item}: lot vs lot control`,
      );
      if (s.lot)
        check(
          d.lots.some((l) => l.code === s.lot && l.item === s.item && l.plant === s.plant),
          `stock lot ${s.lot}`,
        );
    }
    for (const l of d.lots) {
      check(items.get(l.item)?.lotControlled === true, `lot ${l.code} item`);
      if (l.supplier) check(suppliers.has(l.supplier), `lot ${l.code} supplier`);
    }
    expect(problems).toEqual([]);
  });

  it('has coherent BOMs: existing components, convertible units, non-overlapping released revisions', () => {
    const problems: string[] = [];
    for (const bom of d.boms) {
      if (!items.has(bom.item)) problems.push(`BOM of unknown ${bom.item}`);
      for (const plant of bom.plants)
        if (!carries(plant, bom.item)) problems.push(`${bom.item}: ${plant} does not carry it`);
      for (const r of bom.revisions) {
        if (r.effectiveTo && r.effectiveTo < r.effectiveFrom)
          problems.push(`${bom.item}/${r.revision} dates`);
        for (const c of r.components) {
          if (!items.has(c.item)) {
            problems.push(`${bom.item}/${r.revision}: unknown component ${c.item}`);
            continue;
          }
          for (const plant of bom.plants)
            if (!carries(plant, c.item))
              problems.push(`${bom.item}@${plant}: ${plant} does not carry ${c.item}`);
          toBase(c.item, c.quantityPer, c.unit);
        }
      }
      const released = bom.revisions.filter((r) => r.status === 'released');
      for (const a of released)
        for (const b of released)
          if (
            a !== b &&
            a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') &&
            b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31')
          )
            problems.push(
              `${bom.item}: released revisions ${a.revision} and ${b.revision} overlap`,
            );
    }
    // every item made somewhere has a BOM
    for (const i of d.items)
      if (i.plants.some((e) => e.procurement === 'make') && !d.boms.some((b) => b.item === i.code))
        problems.push(`${i.code} is made but has no BOM`);
    expect(problems).toEqual([]);
  });

  it('has BOMs at least three levels deep and revision histories', () => {
    const depth = (item: string): number => {
      const revision = d.boms
        .find((b) => b.item === item)
        ?.revisions.find((r) => r.status === 'released');
      return revision ? 1 + Math.max(0, ...revision.components.map((c) => depth(c.item))) : 0;
    };
    expect(depth('ACT-2200')).toBeGreaterThanOrEqual(3);
    expect(depth('GBX-4100')).toBeGreaterThanOrEqual(3);
    const act = d.boms.find((b) => b.item === 'ACT-2200')!;
    expect(act.revisions.map((r) => `${r.revision}:${r.status}`)).toEqual([
      'A:obsolete',
      'B:released',
      'C:draft',
    ]);
    expect(act.revisions[0]).toMatchObject({
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    });
    expect(act.revisions[1].effectiveTo).toBeUndefined();
  });

  it('uses every unit of measure and converts KG↔G, M↔MM and BOX per item', () => {
    const used = new Set([
      ...d.items.map((i) => i.baseUnit),
      ...d.boms.flatMap((b) => b.revisions.flatMap((r) => r.components.map((c) => c.unit))),
      ...d.purchaseOrders.flatMap((p) => p.lines.map((l) => l.unit)),
    ]);
    expect([...used].sort()).toEqual(['BOX', 'EA', 'G', 'KG', 'L', 'M', 'MM']);
    expect(toBase('BRKT-1042', '2', 'BOX').toString()).toBe('24');
    expect(toBase('GRS-LI2', '15', 'G').toString()).toBe('0.015');
    expect(toBase('ALU-6061-TUBE', '420', 'MM').toString()).toBe('0.42');
  });

  it('holds lot-controlled items in several lots, some under inspection or blocked', () => {
    const lotsOf = (plant: string, item: string) =>
      new Set(d.stock.filter((s) => s.plant === plant && s.item === item).map((s) => s.lot));
    expect(lotsOf('P100', 'BRG-6204').size).toBeGreaterThanOrEqual(3);
    expect(d.stock.some((s) => s.status === 'quality_inspection' && s.lot)).toBe(true);
    expect(d.stock.some((s) => s.status === 'blocked')).toBe(true);
    for (const plant of plants.keys())
      expect(d.stock.filter((s) => s.plant === plant).length).toBeGreaterThan(10);
  });
});

describe('DEMO_SCENARIOS hold in the data', () => {
  const order = (n: string) => d.productionOrders.find((o) => o.number === n)!;

  it('releasable planned orders find all direct components in stock', () => {
    for (const n of DEMO_SCENARIOS.releasableOrders) {
      expect(order(n).status).toBe('planned');
      expect({ n, shortages: shortages(order(n)) }).toEqual({ n, shortages: [] });
    }
  });

  it('MO-P100-0002 is short of BRKT-1042 only, and an open PO covers it before the planned start', () => {
    const s = DEMO_SCENARIOS.shortageCoveredByPurchaseOrder;
    const o = order(s.productionOrder);
    expect(o.status).toBe('planned');
    expect(shortages(o)).toEqual([{ item: s.item, required: s.required, available: s.available }]);
    const po = d.purchaseOrders.find((p) => p.number === s.purchaseOrder)!;
    expect(po.plant).toBe(o.plant);
    const incoming = po.lines
      .filter((l) => l.item === s.item && l.promisedDate <= o.plannedStart)
      .reduce(
        (sum, l) =>
          sum.plus(
            toBase(l.item, l.quantity, l.unit).minus(toBase(l.item, l.receivedQuantity, l.unit)),
          ),
        new Decimal(0),
      );
    expect(incoming.plus(s.available).gte(s.required)).toBe(true);
  });

  it('MO-P300-0002 is short of SEAL-2535 only, with no open PO for it in P300', () => {
    const s = DEMO_SCENARIOS.shortageWithoutPurchaseOrder;
    const o = order(s.productionOrder);
    expect(shortages(o)).toEqual([{ item: s.item, required: s.required, available: s.available }]);
    expect(
      d.purchaseOrders.some((p) => p.plant === o.plant && p.lines.some((l) => l.item === s.item)),
    ).toBe(false);
  });

  it('MO-P100-0004 has no released revision', () => {
    const s = DEMO_SCENARIOS.noReleasedRevision;
    expect(order(s.productionOrder).item).toBe(s.item);
    expect(
      d.boms.find((b) => b.item === s.item)!.revisions.every((r) => r.status === 'draft'),
    ).toBe(true);
    expect(() => shortages(order(s.productionOrder))).toThrow('no released revision');
  });

  it('names the released P200 orders and the stock in transit correctly', () => {
    expect(
      d.productionOrders
        .filter((o) => o.plant === 'P200' && o.status === 'released')
        .map((o) => o.number),
    ).toEqual(DEMO_SCENARIOS.releasedInP200);
    const t = DEMO_SCENARIOS.inTransit;
    expect(d.stock.find((s) => s.location === t.location && s.item === t.item)?.quantity).toBe(
      t.quantity,
    );
  });

  it('is deterministic: building it twice gives the same data', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const again = require('./demo-dataset') as typeof import('./demo-dataset');
      expect(again.DEMO_DATASET).toEqual(DEMO_DATASET);
    });
  });
});
