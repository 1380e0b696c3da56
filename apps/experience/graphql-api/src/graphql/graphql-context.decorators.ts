import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@plantsync/platform';
import type { GraphqlContext } from './graphql-context';

/** The authenticated caller of the GraphQL operation (API key or portal token). */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => GqlExecutionContext.create(context).getContext<GraphqlContext>().principal,
);

/** The per-request DataLoaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders,
);
