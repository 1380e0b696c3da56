import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  name: string;
  status: 'up' | 'down';
  detail?: string;
}

export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/** Readiness checks. Apps and libs register theirs; a check that throws or hangs is 'down'. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, () => Promise<void>>();

  register(name: string, check: () => Promise<void>): void {
    this.checks.set(name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async runAll(timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<HealthCheckResult[]> {
    return Promise.all(
      [...this.checks].map(([name, check]) => this.runOne(name, check, timeoutMs)),
    );
  }

  private async runOne(
    name: string,
    check: () => Promise<void>,
    timeoutMs: number,
  ): Promise<HealthCheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([Promise.resolve().then(check), timeout]);
      return { name, status: 'up' };
    } catch (e) {
      return { name, status: 'down', detail: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
    }
  }
}
