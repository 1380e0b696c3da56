import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { EventDefinition } from './event-definition';
import { EVENT_CATALOGUE } from './event-catalogue';

export class InvalidEventError extends Error {
  readonly classification = 'invalid' as const;
  readonly code = 'invalid-event';
  constructor(
    readonly type: string,
    readonly errors: string[],
  ) {
    super(`event ${type} is invalid: ${errors.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Compiles every catalogue schema once and checks `data` against its type's schema. */
export class EventValidator {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(catalogue: readonly EventDefinition[] = EVENT_CATALOGUE) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const def of catalogue) this.validators.set(def.type, ajv.compile(def.schema));
  }

  /** Throws InvalidEventError for an unknown type or data that breaks the schema. */
  assertValid(type: string, data: unknown): void {
    const validate = this.validators.get(type);
    if (!validate) throw new InvalidEventError(type, ['type is not in the event catalogue']);
    if (!validate(data))
      throw new InvalidEventError(
        type,
        (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
      );
  }
}

/** Shared default instance: compiling schemas is the expensive part. */
export const eventValidator = new EventValidator();
