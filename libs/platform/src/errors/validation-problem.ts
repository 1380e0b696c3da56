import type { ValidationError } from 'class-validator';
import { ProblemException } from './problem.exception';

export interface FieldError {
  field: string;
  message: string;
}

function childPath(parentPath: string, property: string, parentIsArray: boolean): string {
  if (parentIsArray || /^\d+$/.test(property)) return `${parentPath}[${property}]`;
  return parentPath ? `${parentPath}.${property}` : property;
}

/** Flattens class-validator's error tree into `lines[0].quantity.value`-style fields, every one of them. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parentPath = '',
  parentIsArray = false,
): FieldError[] {
  return errors.flatMap((error) => {
    const path = childPath(parentPath, error.property, parentIsArray);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    const nested = flattenValidationErrors(error.children ?? [], path, Array.isArray(error.value));
    return [...own, ...nested];
  });
}

/** exceptionFactory for the global ValidationPipe: one 400 problem listing every bad field. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fieldErrors = flattenValidationErrors(errors);
  return new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: 'Request validation failed',
    detail: `${fieldErrors.length} field(s) are invalid.`,
    extensions: { errors: fieldErrors },
  });
}
