import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { wmsProblems } from './wms-problem';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, message })),
      ...flatten(e.children ?? [], field),
    ];
  });
}

/** Contract request validation: unknown fields refused, every bad field listed (400 validation-failed). */
export const wmsValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => wmsProblems.validation(flatten(errors)),
});
