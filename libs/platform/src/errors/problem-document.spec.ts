import { NotFoundException } from '@nestjs/common';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { ClassifiedError } from './classified-error';
import { renderProblem } from './problem-document';
import { ProblemException } from './problem.exception';
import { flattenValidationErrors } from './validation-problem';

class Quantity {
  @IsInt() @Min(1) value!: number;
  @IsString() unit!: string;
}
class OrderLine {
  @IsString() item!: string;
  @ValidateNested() @Type(() => Quantity) quantity!: Quantity;
}
class ReleaseOrder {
  @IsString() plant!: string;
  @ValidateNested({ each: true }) @Type(() => OrderLine) lines!: OrderLine[];
}

class BackendDown implements ClassifiedError {
  readonly classification = 'unavailable' as const;
  readonly code = 'erp-unavailable';
  readonly message = 'Odoo at P100 Detroit did not answer';
}

describe('renderProblem', () => {
  it('renders a ProblemException with its type, extensions and Retry-After', () => {
    const p = renderProblem(
      new ProblemException({
        status: 404,
        code: 'plant-not-found',
        title: 'Plant not found',
        detail: 'No plant P900',
        extensions: { plant: 'P900', status: 999 },
        retryAfterSeconds: 3,
      }),
      '/plants/P900',
      'corr-1',
    );
    expect(p.status).toBe(404);
    expect(p.headers['retry-after']).toBe('3');
    expect(p.body).toEqual({
      type: 'https://plantsync.dev/problems/plant-not-found',
      title: 'Plant not found',
      status: 404,
      detail: 'No plant P900',
      instance: '/plants/P900',
      correlationId: 'corr-1',
      plant: 'P900',
    });
  });

  it.each([
    ['not_found', 404],
    ['conflict', 409],
    ['unavailable', 503],
    ['timeout', 504],
    ['invalid', 400],
    ['permanent', 502],
  ] as const)('maps classified %s to %d', (classification, status) => {
    const p = renderProblem({ classification, code: 'odoo-x', message: 'm' }, '/x');
    expect(p.status).toBe(status);
    expect(p.body.type).toBe('https://plantsync.dev/problems/odoo-x');
  });

  it('defaults Retry-After to 5 s for unavailable backends', () => {
    expect(renderProblem(new BackendDown(), '/x').headers['retry-after']).toBe('5');
  });

  it('renders Nest HttpExceptions with a status slug', () => {
    const p = renderProblem(new NotFoundException('Cannot GET /nowhere'), '/nowhere');
    expect(p.body.type).toBe('https://plantsync.dev/problems/not-found');
    expect(p.body.title).toBe('Not found');
    expect(p.body.detail).toBe('Cannot GET /nowhere');
  });

  it('hides unknown errors behind a generic 500', () => {
    const p = renderProblem(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'), '/x');
    expect(p.status).toBe(500);
    expect(p.unexpected).toBe(true);
    expect(JSON.stringify(p.body)).not.toMatch(/ECONNREFUSED|hunter2|at /);
  });
});

describe('flattenValidationErrors', () => {
  it('lists every bad field with nested paths', () => {
    const dto = plainToInstance(ReleaseOrder, {
      plant: 7,
      lines: [
        { item: 'BRKT-1042', quantity: { value: 0, unit: 'EA' } },
        { item: 'GSKT-220', quantity: { value: 5 } },
      ],
    });
    const fields = flattenValidationErrors(validateSync(dto)).map((e) => e.field);
    expect(fields).toEqual(['plant', 'lines[0].quantity.value', 'lines[1].quantity.unit']);
  });
});
