import { DynamicModule, Global, Logger, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { loadApiKeyFile } from './auth/api-key-file';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeyRegistry } from './auth/api-key.registry';
import { PlatformConfig } from './config/platform.config';
import { PlatformConfigModule } from './config/platform-config.module';
import { ProblemExceptionFilter } from './errors/problem-exception.filter';
import { validationProblem } from './errors/validation-problem';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { loggingParams } from './logging/logging.options';
import { PLATFORM_OPTIONS, PlatformOptions } from './platform-options';
import { redisProviders } from './redis/redis.provider';
import { PLATFORM_REDIS, PLATFORM_REDIS_PREFIX } from './redis/redis.tokens';

function loadApiKeys(config: PlatformConfig): ApiKeyRegistry {
  const entries = loadApiKeyFile(config.PLANTSYNC_API_KEYS_FILE);
  const plaintext = entries.filter((e) => e.key !== undefined);
  if (config.isProduction && plaintext.length > 0) {
    new Logger('ApiKeys').warn(
      `${config.PLANTSYNC_API_KEYS_FILE} holds ${plaintext.length} plaintext key(s) (${plaintext
        .map((e) => e.id)
        .join(', ')}) in production: store keySha256 instead.`,
    );
  }
  return new ApiKeyRegistry(entries);
}

/**
 * What every app boots with: config, logging, correlation ids, problem+json errors,
 * validation, API-key auth, idempotency, Redis and health. Global, import once in the root module.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PlatformConfigModule,
        LoggerModule.forRootAsync({
          imports: [PlatformConfigModule],
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => loggingParams(options.app, config),
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        ...redisProviders(options.app),
        { provide: ApiKeyRegistry, inject: [PlatformConfig], useFactory: loadApiKeys },
        {
          provide: IdempotencyStore,
          inject: [PLATFORM_REDIS, PlatformConfig],
          useFactory: (redis: Redis, c: PlatformConfig) =>
            new IdempotencyStore(redis, c.IDEMPOTENCY_TTL_SECONDS, c.IDEMPOTENCY_LOCK_SECONDS),
        },
        {
          provide: HealthRegistry,
          inject: [PLATFORM_REDIS],
          useFactory: (redis: Redis) => {
            const registry = new HealthRegistry();
            registry.register('redis', async () => {
              await redis.ping();
            });
            return registry;
          },
        },
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        {
          provide: APP_PIPE,
          useFactory: () =>
            new ValidationPipe({
              whitelist: true,
              forbidNonWhitelisted: true,
              transform: true,
              exceptionFactory: validationProblem,
            }),
        },
      ],
      exports: [
        PlatformConfigModule,
        PLATFORM_OPTIONS,
        PLATFORM_REDIS,
        HealthRegistry,
        ApiKeyRegistry,
        IdempotencyStore,
        PLATFORM_REDIS_PREFIX,
      ],
    };
  }
}
