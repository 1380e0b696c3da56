import { decimal, formatDecimal } from '@plantsync/canonical';

/** One shipped line summed over its packages, checked against what the PO line still expects. */
export interface ShippedLine {
  /** Where the line is in the input, for the error's `field`, e.g. packages[0].lines[1]. */
  fields: string[];
  purchaseOrder: string;
  lineNumber: number;
  shipped: { value: string; unit: string };
}

export interface OpenLine {
  open: { value: string; unit: string };
  /** Already announced on earlier notices and not received yet. */
  inTransit: string;
}

export interface LineRejection {
  field: string;
  message: string;
}

/**
 * Tolerance per supplier: `ASN_OVERSHIPMENT_TOLERANCE_BY_SUPPLIER` = "SUP-1001=5,SUP-1002=0"
 * (percent of the open quantity), else the default percent.
 */
export function toleranceFor(supplier: string, defaultPercent: number, bySupplier: string | undefined): number {
  for (const pair of (bySupplier ?? '').split(',')) {
    const [code, pct] = pair.split('=').map((s) => s.trim());
    if (code === supplier && pct !== undefined && /^\d+(\.\d+)?$/.test(pct)) return Number(pct);
  }
  return defaultPercent;
}

/**
 * Every line that ships more than the PO line still expects (open − already in transit) plus the
 * supplier's tolerance, or in another unit: one rejection per line, none for the lines that fit.
 */
export function overShipments(lines: ShippedLine[], openOf: (po: string, line: number) => OpenLine | undefined, tolerancePercent: number): LineRejection[] {
  const rejections: LineRejection[] = [];
  for (const line of lines) {
    const field = `${line.fields[0]}.quantity`;
    const open = openOf(line.purchaseOrder, line.lineNumber);
    if (!open) {
      rejections.push({ field: line.fields[0], message: `${line.purchaseOrder} has no open line ${line.lineNumber}` });
      continue;
    }
    if (open.open.unit !== line.shipped.unit) {
      rejections.push({ field, message: `line ${line.lineNumber} of ${line.purchaseOrder} is ordered in ${open.open.unit}, not ${line.shipped.unit}` });
      continue;
    }
    const expected = decimal(open.open.value).minus(decimal(open.inTransit));
    const allowed = expected.times(decimal(100 + tolerancePercent)).dividedBy(100);
    if (decimal(line.shipped.value).gt(allowed)) {
      const unit = open.open.unit;
      rejections.push({
        field,
        message:
          `ships ${formatDecimal(decimal(line.shipped.value))} ${unit} on line ${line.lineNumber} of ${line.purchaseOrder}; ` +
          `${formatDecimal(expected.isNegative() ? decimal(0) : expected)} ${unit} still expected, ${tolerancePercent}% over-shipment tolerance allows ${formatDecimal(allowed.isNegative() ? decimal(0) : allowed)} ${unit}`,
      });
    }
  }
  return rejections;
}
