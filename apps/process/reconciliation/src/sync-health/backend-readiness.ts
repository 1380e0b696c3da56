import { Inject, Injectable } from '@nestjs/common';
import { CLIENTS_SETTINGS, type ClientsSettings } from '@plantsync/clients';

export type SystemKind = 'erp' | 'mes' | 'wms';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Which plant backends answer, from each system API's readiness (`/health/ready` lists one check
 * per plant × system, e.g. `P200.erp`). An API that does not answer counts every plant down.
 */
@Injectable()
export class BackendReadiness {
  constructor(@Inject(CLIENTS_SETTINGS) private readonly settings: ClientsSettings) {}

  /** `P200.erp` → up?; read once per health computation. */
  async probe(): Promise<(plant: string, system: SystemKind) => { up: boolean; detail?: string }> {
    const systems: SystemKind[] = ['erp', 'mes', 'wms'];
    const answers = await Promise.all(systems.map((s) => this.ready(this.settings.urls[s])));
    const bySystem = new Map(systems.map((s, i) => [s, answers[i]]));
    return (plant, system) => {
      const answer = bySystem.get(system)!;
      if (!answer.reachable) return { up: false, detail: `${system}-api did not answer its readiness check` };
      const check = answer.checks.find((c) => c.name === `${plant}.${system}`);
      return check && check.status === 'down' ? { up: false, detail: check.detail ?? `${system.toUpperCase()} of ${plant} is down` } : { up: true };
    };
  }

  private async ready(baseUrl: string): Promise<{ reachable: boolean; checks: Array<{ name: string; status: string; detail?: string }> }> {
    try {
      const res = await fetch(`${baseUrl.replace(/\/$/, '')}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      const body = (await res.json()) as { checks?: Array<{ name: string; status: string; detail?: string }> };
      return { reachable: true, checks: body.checks ?? [] };
    } catch {
      return { reachable: false, checks: [] };
    }
  }
}
