/** JSON Schema fragments shared by the event catalogue (draft 2020-12). */

/** A quantity as in the canonical model: a decimal string and its unit (ADR 0001: no floats). */
export const quantitySchema = {
  type: 'object',
  required: ['value', 'unit'],
  additionalProperties: false,
  properties: {
    value: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'decimal string' },
    unit: { type: 'string', minLength: 1, maxLength: 16 },
  },
} as const;

export const plantSchema = { type: 'string', pattern: '^[A-Z0-9_-]{1,16}$' } as const;
export const keySchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const reasonSchema = { type: 'string', minLength: 1, maxLength: 500 } as const;

/** A component line of a production order release or reservation. */
export const componentLineSchema = {
  type: 'object',
  required: ['item', 'quantity'],
  additionalProperties: false,
  properties: { item: keySchema, quantity: quantitySchema, lot: keySchema },
} as const;

/** A line of an inventory transfer. */
export const transferLineSchema = {
  type: 'object',
  required: ['item', 'quantity'],
  additionalProperties: false,
  properties: { item: keySchema, quantity: quantitySchema, lot: keySchema },
} as const;

/** An object schema with the given required properties and no others. */
export function objectSchema(
  properties: Record<string, unknown>,
  required: string[] = Object.keys(properties),
): Record<string, unknown> {
  return { type: 'object', required, additionalProperties: false, properties };
}
