import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { resolveSandboxOptions } from '../sandbox.options';
import { AdminTokenGuard } from './admin-token.guard';

const contextWith = (headers: Record<string, string>) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ headers }) }) }) as unknown as ExecutionContext;

describe('AdminTokenGuard', () => {
  it('lets everything through when no SANDBOX_ADMIN_TOKEN is configured', () => {
    expect(new AdminTokenGuard(resolveSandboxOptions({}, {})).canActivate(contextWith({}))).toBe(
      true,
    );
  });

  it('requires the token in X-Admin-Token or Authorization: Bearer when configured', () => {
    const guard = new AdminTokenGuard(
      resolveSandboxOptions({}, { SANDBOX_ADMIN_TOKEN: 's3cret-detroit' }),
    );
    expect(guard.canActivate(contextWith({ 'x-admin-token': 's3cret-detroit' }))).toBe(true);
    expect(guard.canActivate(contextWith({ authorization: 'Bearer s3cret-detroit' }))).toBe(true);
    expect(() => guard.canActivate(contextWith({}))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(contextWith({ 'x-admin-token': 'wrong' }))).toThrow(
      UnauthorizedException,
    );
  });
});
