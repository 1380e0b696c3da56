/** One entry of the event catalogue: a CloudEvents type, what it means, and its data schema. */
export interface EventDefinition {
  /** `io.plantsync.<domain>.<event>.v<N>` */
  type: string;
  /** PascalCase name used in code and docs, e.g. `ProductionOrderReleased`. */
  name: string;
  /** Who emits it and what a subscriber may conclude from it. */
  meaning: string;
  /** JSON Schema (draft 2020-12) of `data`. */
  schema: Record<string, unknown>;
}

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export function defineEvent(
  name: string,
  type: string,
  meaning: string,
  dataSchema: Record<string, unknown>,
): EventDefinition {
  return {
    name,
    type,
    meaning,
    schema: { $schema: JSON_SCHEMA_DIALECT, $id: `https://plantsync.dev/events/${type}.json`, ...dataSchema },
  };
}
