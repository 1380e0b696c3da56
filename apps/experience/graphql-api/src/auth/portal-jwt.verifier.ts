import { Logger } from '@nestjs/common';
import { errors as joseErrors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { GraphqlApiConfig } from '../config/graphql-api.config';

/** Scopes a portal user may carry in a token; admin, service and MES keys stay API keys. */
const PORTAL_SCOPE = /^(planner|supplier:[A-Za-z0-9_-]{1,64})$/;

export interface PortalIdentity {
  subject: string;
  scopes: string[];
}

/** Why a bearer token was refused; the message a caller sees stays generic. */
export class PortalTokenRejected extends Error {}

/**
 * Verifies portal users' JWT bearer tokens with jose: RS256 against PORTAL_JWT_PUBLIC_KEY, else
 * HS256 against PORTAL_JWT_SECRET. `exp` and `sub` are required, `iss`/`aud` checked when
 * configured, and only the algorithm configured is accepted (no `alg: none`, no HS/RS confusion).
 * Claims: `sub`, `scope` (space-separated string or array) holding `supplier:<id>` and/or `planner`.
 */
export class PortalJwtVerifier {
  private readonly logger = new Logger('PortalJwt');
  private readonly key?: Promise<CryptoKey | Uint8Array>;
  private readonly algorithm?: 'RS256' | 'HS256';

  constructor(private readonly config: GraphqlApiConfig) {
    if (config.PORTAL_JWT_PUBLIC_KEY) {
      this.algorithm = 'RS256';
      // PEM from an env var often arrives with literal \n.
      this.key = importSPKI(config.PORTAL_JWT_PUBLIC_KEY.replace(/\\n/g, '\n'), 'RS256');
    } else if (config.PORTAL_JWT_SECRET) {
      this.algorithm = 'HS256';
      this.key = Promise.resolve(new TextEncoder().encode(config.PORTAL_JWT_SECRET));
    }
  }

  get enabled(): boolean {
    return this.key !== undefined;
  }

  /** Fails at boot, not on the first request, when the configured public key is unreadable. */
  async ready(): Promise<void> {
    if (this.key) await this.key;
  }

  async verify(token: string): Promise<PortalIdentity> {
    if (!this.key || !this.algorithm) throw new PortalTokenRejected('bearer tokens are not configured');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.key, {
        algorithms: [this.algorithm],
        issuer: this.config.PORTAL_JWT_ISSUER,
        audience: this.config.PORTAL_JWT_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      }));
    } catch (e) {
      if (e instanceof joseErrors.JOSEError) throw new PortalTokenRejected(e.code);
      throw e;
    }
    const raw = payload.scope;
    const scopes = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : []).filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    );
    const allowed = scopes.filter((s) => PORTAL_SCOPE.test(s));
    if (allowed.length !== scopes.length)
      this.logger.warn({ sub: payload.sub, ignored: scopes.filter((s) => !allowed.includes(s)) }, 'ignored scopes a portal token may not carry');
    if (allowed.length === 0) throw new PortalTokenRejected('no portal scope');
    return { subject: payload.sub as string, scopes: allowed };
  }
}
