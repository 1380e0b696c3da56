export type Role = 'admin' | 'planner' | 'service';
/** Kinds of caller a route may admit with @Allow. */
export type AccessKind = Role | 'mes' | 'supplier' | 'public';

const ROLES: ReadonlySet<string> = new Set<Role>(['admin', 'planner', 'service']);

/** A scope string is one of the roles, `mes:<PLANT>` or `supplier:<SUPPLIER_ID>`. */
export const SCOPE_PATTERN =
  /^(admin|planner|service|mes:[A-Za-z0-9_-]{1,32}|supplier:[A-Za-z0-9_-]{1,64})$/;

/** The authenticated caller of a request. */
export class Principal {
  constructor(
    readonly id: string,
    readonly scopes: readonly string[],
  ) {}

  isAdmin(): boolean {
    return this.scopes.includes('admin');
  }

  hasRole(role: Role): boolean {
    return this.scopes.includes(role);
  }

  mesPlants(): string[] {
    return this.withPrefix('mes:');
  }

  supplierIds(): string[] {
    return this.withPrefix('supplier:');
  }

  /** The access kinds this principal counts as, for @Allow. */
  kinds(): Set<AccessKind> {
    const kinds = new Set<AccessKind>(this.scopes.filter((s) => ROLES.has(s)) as Role[]);
    if (this.mesPlants().length > 0) kinds.add('mes');
    if (this.supplierIds().length > 0) kinds.add('supplier');
    return kinds;
  }

  /** admin, planner and service act for every plant; an MES only for its own; suppliers never. */
  canActForPlant(plant: string): boolean {
    if (this.isAdmin() || this.hasRole('planner') || this.hasRole('service')) return true;
    return this.mesPlants().includes(plant);
  }

  /** admin, planner and service see every supplier; a supplier only itself. */
  canSeeSupplier(id: string): boolean {
    if (this.isAdmin() || this.hasRole('planner') || this.hasRole('service')) return true;
    return this.supplierIds().includes(id);
  }

  private withPrefix(prefix: string): string[] {
    return this.scopes.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
  }
}
