import { Landscape, LandscapeError, SYSTEM_KINDS, SystemKind } from '@plantsync/landscape';
import type { PlantConnector } from '../ports/plant-connector';
import type { ConnectorBySystem, ConnectorFactory } from './connector-factory';

/**
 * Resolves a plant's connectors from the landscape. Built once at boot: an unknown connector kind
 * or bad connector options stop boot with the landscape file, path and reason.
 */
export class ConnectorRegistry {
  private readonly instances = new Map<string, PlantConnector>();

  constructor(
    private readonly landscape: Landscape,
    factories: readonly ConnectorFactory[],
    env: NodeJS.ProcessEnv = process.env,
    systems: readonly SystemKind[] = SYSTEM_KINDS,
  ) {
    const issues: Array<{ path: string; reason: string }> = [];
    landscape.plants().forEach((plant, i) => {
      for (const system of systems) {
        const binding = plant.systems[system];
        const path = `plants[${i}].systems.${system}`;
        const factory = factories.find((f) => f.system === system && f.kind === binding.connector);
        if (!factory) {
          const known = factories.filter((f) => f.system === system).map((f) => f.kind);
          issues.push({
            path: `${path}.connector`,
            reason: `unknown ${system} connector "${binding.connector}" (known: ${known.join(', ') || 'none'})`,
          });
          continue;
        }
        const problems = factory
          .validate(binding, env)
          .map((p) => ({ path: `${path}.${p.path}`, reason: p.reason }));
        if (problems.length > 0) {
          issues.push(...problems);
          continue;
        }
        this.instances.set(`${plant.code}/${system}`, factory.create(plant.code, binding));
      }
    });
    if (issues.length > 0) throw new LandscapeError(landscape.file, issues);
  }

  erp(plant: string): ConnectorBySystem['erp'] {
    return this.get(plant, 'erp');
  }

  mes(plant: string): ConnectorBySystem['mes'] {
    return this.get(plant, 'mes');
  }

  wms(plant: string): ConnectorBySystem['wms'] {
    return this.get(plant, 'wms');
  }

  /** Every connector instance, e.g. for health checks. */
  all(): PlantConnector[] {
    return [...this.instances.values()];
  }

  private get<S extends SystemKind>(plant: string, system: S): ConnectorBySystem[S] {
    this.landscape.plant(plant); // throws UnknownPlantError (404) first
    const connector = this.instances.get(`${plant}/${system}`);
    if (!connector) throw new Error(`no ${system} connector was built for plant ${plant}`);
    return connector as ConnectorBySystem[S];
  }
}
