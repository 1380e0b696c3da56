import { HttpException } from '@nestjs/common';

export const PROBLEM_TYPE_BASE = 'https://plantsync.dev/problems/';

export interface ProblemInit {
  /** HTTP status. */
  status: number;
  /** Stable slug, e.g. 'plant-not-found'; becomes the problem `type` URI. */
  code: string;
  /** Short summary of the problem type (same for every occurrence). */
  title: string;
  /** Human-readable explanation of this occurrence. Never secrets, never stack traces. */
  detail?: string;
  /** Extension members (RFC 9457 §3.2), e.g. `{ plant: 'P100' }`. */
  extensions?: Record<string, unknown>;
  /** Sets `Retry-After` (seconds). */
  retryAfterSeconds?: number;
  /** Extra response headers, e.g. WWW-Authenticate. */
  headers?: Record<string, string>;
}

/** An HTTP error rendered as RFC 9457 application/problem+json by the platform filter. */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;
  readonly retryAfterSeconds?: number;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title, init.status);
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.extensions = init.extensions ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.headers = init.headers ?? {};
  }

  get type(): string {
    return PROBLEM_TYPE_BASE + this.code;
  }
}
