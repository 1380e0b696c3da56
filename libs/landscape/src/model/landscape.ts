import {
  LandscapeDefinition,
  MasterDataDomain,
  PlantDefinition,
  SyncDomain,
  SystemBinding,
  SystemKind,
} from './landscape.model';

export class UnknownPlantError extends Error {
  readonly classification = 'not_found' as const;
  readonly code = 'plant-not-found';
  constructor(readonly plant: string) {
    super(`plant ${plant} is not in the landscape`);
  }
}

/** The validated landscape: which plants exist and which connector serves each of their systems. */
export class Landscape {
  private readonly byCode: ReadonlyMap<string, PlantDefinition>;

  constructor(
    readonly definition: LandscapeDefinition,
    readonly file: string,
  ) {
    this.byCode = new Map(definition.plants.map((p) => [p.code, p]));
  }

  plants(): readonly PlantDefinition[] {
    return this.definition.plants;
  }

  hasPlant(code: string): boolean {
    return this.byCode.has(code);
  }

  /** Throws UnknownPlantError (a 404 at the API) for a plant the landscape does not know. */
  plant(code: string): PlantDefinition {
    const plant = this.byCode.get(code);
    if (!plant) throw new UnknownPlantError(code);
    return plant;
  }

  system(plant: string, kind: SystemKind): SystemBinding {
    return this.plant(plant).systems[kind];
  }

  /** Every env var the bindings name for credentials, e.g. P100_ODOO_API_KEY (derived, never listed twice). */
  credentialEnvNames(): string[] {
    return this.definition.plants.flatMap((p) =>
      Object.values(p.systems).flatMap((b: SystemBinding) => (b.credentialsEnv ? [b.credentialsEnv] : [])),
    );
  }

  /** `{ NAME: value }` for every credential env var, e.g. the sandbox's demo key for local runs. */
  credentialsEnv(value: string): Record<string, string> {
    return Object.fromEntries(this.credentialEnvNames().map((name) => [name, value]));
  }

  systemOfRecord(domain: MasterDataDomain): SystemKind | undefined {
    return this.definition.systemsOfRecord.find((s) => s.domain === domain)?.system;
  }

  maxLagSeconds(domain: SyncDomain): number | undefined {
    return this.definition.syncObjectives.find((o) => o.domain === domain)?.maxLagSeconds;
  }
}
