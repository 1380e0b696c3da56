import { mergeRetryPolicies, retryPolicyOverridesFromEnv } from './retry-policies.env';
import { PLANTSYNC_RETRY_POLICIES, RetryPolicies } from './retry-policies';

it('lets an operator shorten one queue by env, field by field over the code defaults', () => {
  const env = retryPolicyOverridesFromEnv({ PLANTSYNC_RETRY_POLICIES: '{"order-release":{"attempts":3,"baseDelayMs":200}}' });
  const policies = new RetryPolicies(mergeRetryPolicies(PLANTSYNC_RETRY_POLICIES, env));
  expect(policies.for('order-release')).toMatchObject({ attempts: 3, baseDelayMs: 200, maxDelayMs: 5 * 60_000 });
  expect(policies.for('inventory-transfer')).toMatchObject({ attempts: 8, baseDelayMs: 2000 });
  expect(retryPolicyOverridesFromEnv({})).toEqual({});
});

it.each([
  ['not json', 'is not JSON'],
  ['{"order-release":{"attempts":0}}', '.order-release.attempts=0'],
  ['{"order-release":{"keepFailed":1}}', '.order-release.keepFailed is not a tunable field'],
  ['{"order-release":3}', '.order-release must be an object'],
])('refuses PLANTSYNC_RETRY_POLICIES=%s naming the problem', (value, message) => {
  expect(() => retryPolicyOverridesFromEnv({ PLANTSYNC_RETRY_POLICIES: value })).toThrow(message);
});
