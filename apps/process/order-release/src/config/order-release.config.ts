import { IsIn, IsInt, Max, Min } from 'class-validator';

export const ORDER_RELEASE_ROLES = ['api', 'worker', 'all'] as const;
export type OrderReleaseRole = (typeof ORDER_RELEASE_ROLES)[number];

/** Environment of the order-release process app (validated at boot). */
export class OrderReleaseConfig {
  /**
   * `all` (default): API and worker in one process. `api`: HTTP only, jobs go to Redis. `worker`:
   * runs the saga's jobs and the recovery sweep, no HTTP; scale workers by adding processes.
   */
  @IsIn(ORDER_RELEASE_ROLES, { message: 'ORDER_RELEASE_ROLE must be api, worker or all' })
  ORDER_RELEASE_ROLE: OrderReleaseRole = 'all';

  /** How long a release with a shortage waits for a planner before it expires and compensates. */
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 3600)
  ORDER_RELEASE_APPROVAL_TIMEOUT_SECONDS: number = 86_400;

  @IsInt()
  @Min(1)
  @Max(100)
  ORDER_RELEASE_WORKER_CONCURRENCY: number = 5;

  @IsInt()
  @Min(0)
  @Max(65_535)
  ORDER_RELEASE_PORT: number = 3101;
}
