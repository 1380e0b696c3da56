import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_OPTIONS, type SandboxOptions, type SandboxSystem } from '../sandbox.options';
import type { FaultSettings } from './fault-settings';
import { hashString, seededRandom } from './seeded-random';

export interface FaultEntry extends FaultSettings {
  plant: string;
  system: SandboxSystem;
  /** True while `downUntil` lies in the future. */
  down: boolean;
}

/** What to do with one incoming request. */
export type FaultDecision =
  | { kind: 'pass'; latencyMs: number }
  | { kind: 'down'; downUntil: string }
  | { kind: 'error'; latencyMs: number };

/**
 * Fault injection per plant × system. Settings live in memory on purpose: a restarted
 * sandbox comes back healthy, as a restarted backend would.
 */
@Injectable()
export class FaultService {
  private readonly settings = new Map<string, { settings: FaultSettings; random: () => number }>();

  constructor(
    @Inject(SANDBOX_OPTIONS) private readonly options: Pick<SandboxOptions, 'faultSeed'>,
  ) {}

  set(plant: string, system: SandboxSystem, settings: FaultSettings): FaultEntry {
    const key = `${plant}/${system}`;
    // A fresh RNG on every change: the n-th request after a PUT always gets the same verdict.
    this.settings.set(key, {
      settings: { ...settings },
      random: seededRandom(this.options.faultSeed ^ hashString(key)),
    });
    return this.entry(plant, system, settings, new Date());
  }

  get(plant: string, system: SandboxSystem): FaultSettings | undefined {
    return this.settings.get(`${plant}/${system}`)?.settings;
  }

  clear(plant: string, system: SandboxSystem): boolean {
    return this.settings.delete(`${plant}/${system}`);
  }

  clearAll(): void {
    this.settings.clear();
  }

  list(now: Date = new Date()): FaultEntry[] {
    return [...this.settings.entries()].map(([key, { settings }]) => {
      const [plant, system] = key.split('/') as [string, SandboxSystem];
      return this.entry(plant, system, settings, now);
    });
  }

  /** Decides the fate of one request; consumes one random number when an errorRate is set. */
  decide(plant: string, system: SandboxSystem, now: Date = new Date()): FaultDecision {
    const current = this.settings.get(`${plant}/${system}`);
    if (!current) return { kind: 'pass', latencyMs: 0 };
    const { settings, random } = current;
    if (settings.downUntil && Date.parse(settings.downUntil) > now.getTime())
      return { kind: 'down', downUntil: settings.downUntil };
    const latencyMs = settings.latencyMs ?? 0;
    if (settings.errorRate && random() < settings.errorRate) return { kind: 'error', latencyMs };
    return { kind: 'pass', latencyMs };
  }

  private entry(
    plant: string,
    system: SandboxSystem,
    settings: FaultSettings,
    now: Date,
  ): FaultEntry {
    return {
      plant,
      system,
      ...settings,
      down: settings.downUntil !== undefined && Date.parse(settings.downUntil) > now.getTime(),
    };
  }
}
