import { Inject, Injectable } from '@nestjs/common';
import {
  BillOfMaterials,
  BomExplosion,
  convertQuantity,
  decimal,
  explodeBom,
  NoConversionError,
  NoReleasedRevisionError,
  Quantity,
  selectEffectiveRevision,
} from '@plantsync/canonical';
import { type BomItem, ConnectorRegistry } from '@plantsync/connectors';
import { Landscape } from '@plantsync/landscape';
import { ProblemException } from '@plantsync/platform';
import { requestCallContext } from '@plantsync/connectors';
import { plantToday } from '../plant-today';
import { validationFailed } from '../validation-failed';
import type { BomExplosionQuery } from './bom.query';

/** Effective BOM revisions and explosions, computed from the plant's ERP BOMs (libs/canonical/src/bom). */
@Injectable()
export class BomsService {
  constructor(
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
    @Inject(Landscape) private readonly landscape: Landscape,
  ) {}

  async effective(plant: string, item: string, at?: string): Promise<BillOfMaterials> {
    const day = at ?? this.today(plant);
    const boms = await this.registry.erp(plant).listBoms(requestCallContext('erp-api'), item);
    try {
      return selectEffectiveRevision(boms, day, item);
    } catch (e) {
      throw e instanceof NoReleasedRevisionError ? noRevision(plant, e) : e;
    }
  }

  async explode(plant: string, item: string, query: BomExplosionQuery): Promise<BomExplosion> {
    const at = query.at ?? this.today(plant);
    const erp = this.registry.erp(plant);
    const ctx = requestCallContext('erp-api');
    // A level's components are read together (describeBomItems) before the walk asks for them one
    // by one; a code the batch did not find is asked alone, which answers its own error.
    const described = new Map<string, BomItem>();
    const prefetch = async (codes: string[]) => {
      const missing = codes.filter((c) => !described.has(c));
      if (missing.length > 0) for (const [code, found] of await erp.describeBomItems(ctx, missing)) described.set(code, found);
    };
    const baseUnits = new Map<string, Promise<string>>();
    const baseUnitOf = (code: string) => {
      if (!baseUnits.has(code))
        baseUnits.set(
          code,
          described.has(code) ? Promise.resolve(described.get(code)!.item.baseUnit) : erp.getItem(ctx, code).then((i) => i.baseUnit),
        );
      return baseUnits.get(code)!;
    };
    const loadBoms = async (code: string) => described.get(code)?.boms ?? erp.listBoms(ctx, code);
    const [conversions] = await Promise.all([erp.listUnitConversions(ctx), prefetch([item])]);
    const baseUnit = await baseUnitOf(item);
    const quantity = Quantity.of(query.quantity ?? '1', query.unit ?? baseUnit);
    if (!decimal(quantity.value).greaterThan(0))
      throw validationFailed([
        { field: 'quantity', message: 'quantity must be greater than zero' },
      ]);
    try {
      convertQuantity(quantity, baseUnit, conversions, item);
    } catch (e) {
      if (e instanceof NoConversionError)
        throw validationFailed([
          {
            field: 'unit',
            message: `${item} is stocked in ${baseUnit}; there is no conversion from ${quantity.unit}`,
          },
        ]);
      throw e;
    }
    try {
      const lines = await explodeBom(
        item,
        quantity,
        at,
        loadBoms,
        conversions,
        { baseUnitOf, prefetch },
      );
      return { item, plant, at, quantity, lines };
    } catch (e) {
      if (e instanceof NoReleasedRevisionError) throw e.item === item ? noRevision(plant, e) : e;
      if (e instanceof NoConversionError)
        throw new ProblemException({
          status: 409,
          code: 'bom-unit-not-convertible',
          title: 'BOM unit cannot be converted',
          detail: `The BOM of ${item} uses ${e.fromUnit} for ${e.item ?? 'a component'}, which cannot be converted to ${e.toUnit}.`,
        });
      throw e;
    }
  }

  private today(plant: string): string {
    return plantToday(this.landscape.plant(plant).timeZone);
  }
}

/** A GET of "the BOM in force" that finds none is a 404 naming item and day. */
function noRevision(plant: string, e: NoReleasedRevisionError): ProblemException {
  return new ProblemException({
    status: 404,
    code: 'no-released-bom-revision',
    title: 'No released BOM revision',
    detail: `${e.message} at plant ${plant}.`,
    extensions: { item: e.item, at: e.at, plant },
  });
}
