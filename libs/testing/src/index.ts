// libs/testing: helpers shared by integration and e2e tests.
export { redisTestPrefix, type RedisTestPrefix } from './redis';
export { createTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from './database';
