import { ProblemException, type FieldError } from '@plantsync/platform';

/** The same 400 shape as the validation pipe's, for rules class-validator cannot express. */
export function validationFailed(errors: FieldError[]): ProblemException {
  return new ProblemException({
    status: 400,
    code: 'validation-failed',
    title: 'Request validation failed',
    detail: `${errors.length} field(s) are invalid.`,
    extensions: { errors },
  });
}
