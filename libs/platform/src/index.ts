// libs/platform: what every Plantsync app boots with.
export { PlatformModule } from './platform.module';
export { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options';

export { createApp, type CreateAppOptions } from './bootstrap/create-app';
export { listenApp } from './bootstrap/listen-app';
export {
  buildOpenApiDocument,
  OPENAPI_VERSION,
  API_KEY_SECURITY_SCHEME,
} from './openapi/openapi.setup';

export { validateConfig, maskConfigValue } from './config/validate-config';
export { PlatformConfig, LOG_LEVELS, type LogLevel } from './config/platform.config';

export { ProblemException, PROBLEM_TYPE_BASE, type ProblemInit } from './errors/problem.exception';
export {
  type ClassifiedError,
  type ErrorClassification,
  isClassifiedError,
} from './errors/classified-error';
export {
  renderProblem,
  PROBLEM_CONTENT_TYPE,
  type ProblemDocument,
  type RenderedProblem,
} from './errors/problem-document';
export {
  flattenValidationErrors,
  validationProblem,
  type FieldError,
} from './errors/validation-problem';
export { ProblemExceptionFilter } from './errors/problem-exception.filter';

export {
  CORRELATION_HEADER,
  currentCorrelationId,
  runWithCorrelation,
  resolveCorrelationId,
} from './correlation/correlation-context';

export { Principal, type Role, type AccessKind } from './auth/principal';
export { Allow } from './auth/allow.decorator';
export { CurrentPrincipal, requirePrincipal } from './auth/current-principal.decorator';
export { PostingRoute, type PostingRouteOptions } from './routes/posting-route.decorator';
export { Actor, actorOf, ACTING_FOR_HEADER } from './auth/acting-for';
export { PlantParam, PlantScopeGuard, type PlantSource } from './auth/plant-param.decorator';
export { ApiKeyGuard } from './auth/api-key.guard';
export { ApiKeyRegistry, sha256Hex } from './auth/api-key.registry';
export { loadApiKeyFile, type ApiKeyEntry } from './auth/api-key-file';

export {
  Idempotent,
  IdempotencyKey,
  type IdempotentOptions,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
} from './idempotency/idempotent.decorator';
export { requestFingerprint, canonicalJson } from './idempotency/idempotency-fingerprint';
export { IdempotencyProblemCode } from './idempotency/idempotency-problems';
export {
  IdempotencyStore,
  type BeginResult,
  type StoredResponse,
} from './idempotency/idempotency.store';

export { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from './redis/redis.tokens';
export { createPlatformRedis, untilRedisReady } from './redis/redis.provider';

export {
  HealthRegistry,
  type HealthCheckResult,
  HEALTH_CHECK_TIMEOUT_MS,
} from './health/health.registry';

