import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

type ClassOf<T> = new () => T;

/** Keys whose values must never appear in a boot error or a log line. */
const SECRET_KEY = /(secret|password|passwd|token|api_?key|credential|private)/i;

/** Masks a value for an error message: secrets entirely, URLs only their password. */
export function maskConfigValue(key: string, value: unknown): string {
  if (value === undefined) return '<unset>';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (SECRET_KEY.test(key)) return '***';
  // postgres://user:secret@host/db → postgres://user:***@host/db
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function describe(errors: ValidationError[], env: Record<string, unknown>): string[] {
  return errors.flatMap((error) => {
    const reasons = Object.values(error.constraints ?? {}).join('; ');
    return [
      `  ${error.property}=${maskConfigValue(error.property, env[error.property])}: ${reasons}`,
    ];
  });
}

/**
 * Validates environment variables against a class-validator class and returns the typed,
 * converted instance. Each lib declares its own env class; boot fails listing every bad key
 * with its (masked) value, so an operator fixes them all in one go.
 */
export function validateConfig<T extends object>(
  cls: ClassOf<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  // Empty strings mean "unset" in most deployment tools; let the class defaults apply.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const instance = plainToInstance(cls, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(instance, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new Error(
      `Invalid configuration (${cls.name}):\n${describe(errors, present).join('\n')}`,
    );
  }
  return instance;
}
