import type { UnitConversion } from '@plantsync/canonical';
import type { OdooProduct, OdooUom } from './odoo-records';
import { floatToDecimal, many2oneId } from './odoo-values';

/** Unit names of a stock Odoo database → canonical unit codes. */
const CODE_BY_NAME: Record<string, string> = {
  Units: 'EA',
  Unit: 'EA',
  kg: 'KG',
  g: 'G',
  m: 'M',
  mm: 'MM',
  L: 'L',
};

const BOX = /^Box of \d+(\.\d+)?$/;

/** Canonical code of an Odoo unit name: the stock names are mapped, "Box of N" is BOX, others upper-cased. */
export function unitCode(odooName: string): string {
  if (CODE_BY_NAME[odooName]) return CODE_BY_NAME[odooName];
  if (BOX.test(odooName)) return 'BOX';
  return odooName.toUpperCase();
}

/**
 * The Odoo unit for a canonical code. BOX sizes differ per item: the product's own packaging unit
 * (uom_ids) is used, so "3 BOX of BRKT-1042" becomes 3 × "Box of 12".
 */
export function findUomId(code: string, uoms: readonly OdooUom[], product?: Pick<OdooProduct, 'uom_id' | 'uom_ids'>): number | undefined {
  if (product && many2oneId(product.uom_id) !== undefined) {
    const own = [many2oneId(product.uom_id)!, ...product.uom_ids];
    const match = uoms.find((u) => own.includes(u.id) && unitCode(u.name) === code);
    if (match) return match.id;
  }
  if (code === 'BOX') return undefined; // a box is meaningless without the item's box size
  return uoms.find((u) => unitCode(u.name) === code)?.id;
}

/**
 * Canonical conversions from Odoo 19's relative units: `1 g = 0.001 kg` becomes
 * { fromUnit: 'G', toUnit: 'KG', factor: '0.001' }; each product's boxes become item-specific
 * conversions.
 */
export function conversionsFromUoms(
  uoms: readonly OdooUom[],
  products: ReadonlyArray<Pick<OdooProduct, 'default_code' | 'uom_ids'>>,
): UnitConversion[] {
  const byId = new Map(uoms.map((u) => [u.id, u]));
  const conversion = (u: OdooUom, item?: string): UnitConversion | undefined => {
    const reference = byId.get(many2oneId(u.relative_uom_id) ?? -1);
    if (!reference) return undefined;
    return { fromUnit: unitCode(u.name), toUnit: unitCode(reference.name), factor: floatToDecimal(u.relative_factor), ...(item ? { item } : {}) };
  };
  const global = uoms.filter((u) => unitCode(u.name) !== 'BOX').flatMap((u) => conversion(u) ?? []);
  const perItem = products.flatMap((p) =>
    p.default_code === false
      ? []
      : p.uom_ids.flatMap((id) => {
          const u = byId.get(id);
          return u && unitCode(u.name) === 'BOX' ? (conversion(u, p.default_code as string) ?? []) : [];
        }),
  );
  return [...global, ...perItem];
}
