import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '../errors/problem.exception';
import { plantOutOfScope, unauthenticated } from './auth-problems';
import { principalOf } from './request-principal';

export type PlantSource = 'params' | 'query' | 'body';

interface PlantParamSpec {
  source: PlantSource;
  name: string;
}

const PLANT_PARAM_METADATA = 'plantsync:plant-param';

/** Reads the plant from the request and enforces principal.canActForPlant; returns the plant. */
export function enforcePlantScope(request: unknown, spec: PlantParamSpec): string {
  const container = (request as Record<PlantSource, Record<string, unknown> | undefined>)[
    spec.source
  ];
  const plant = container?.[spec.name];
  if (typeof plant !== 'string' || plant.length === 0) {
    throw new ProblemException({
      status: 400,
      code: 'plant-missing',
      title: 'Plant missing',
      detail: `Expected the plant in ${spec.source}.${spec.name}.`,
      extensions: { errors: [{ field: spec.name, message: `${spec.name} must be a plant code` }] },
    });
  }
  const principal = principalOf(request);
  if (!principal) throw unauthenticated('Send your API key in the X-API-Key header.');
  if (!principal.canActForPlant(plant)) throw plantOutOfScope(plant);
  return plant;
}

@Injectable()
export class PlantScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const spec = this.reflector.getAllAndOverride<PlantParamSpec | undefined>(
      PLANT_PARAM_METADATA,
      [context.getHandler(), context.getClass()],
    );
    if (spec) enforcePlantScope(context.switchToHttp().getRequest(), spec);
    return true;
  }
}

const plantParameter = createParamDecorator((spec: PlantParamSpec, context: ExecutionContext) =>
  enforcePlantScope(context.switchToHttp().getRequest(), spec),
);

/**
 * Enforces that the caller may act for the plant named in the request (403
 * 'plant-out-of-scope' otherwise; 400 'plant-missing' when absent). Use it either way:
 *   @PlantParam() on a handler or controller — a guard, runs before pipes;
 *   getOrders(@PlantParam() plant: string) — also injects the checked plant code.
 */
export function PlantParam(
  source: PlantSource = 'params',
  name = 'plant',
): MethodDecorator & ClassDecorator & ParameterDecorator {
  const spec: PlantParamSpec = { source, name };
  return ((
    target: object,
    key?: string | symbol,
    indexOrDescriptor?: number | PropertyDescriptor,
  ) => {
    if (typeof indexOrDescriptor === 'number') {
      return plantParameter(spec)(target, key, indexOrDescriptor);
    }
    const decorate = applyDecorators(
      SetMetadata(PLANT_PARAM_METADATA, spec),
      UseGuards(PlantScopeGuard),
    );
    return (decorate as (...args: unknown[]) => unknown)(target, key, indexOrDescriptor);
  }) as MethodDecorator & ClassDecorator & ParameterDecorator;
}
