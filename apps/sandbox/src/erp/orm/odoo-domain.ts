import { badRequest } from './odoo-errors';

/** `[field, operator, value]`, or '&' | '|' | '!' in Polish (prefix) notation. */
export type DomainTerm = [string, string, unknown] | '&' | '|' | '!';
export type Domain = DomainTerm[];

/** Reads a (possibly dotted, e.g. `partner_id.ref`) field of the record under test. */
export type FieldReader = (path: string) => unknown;

type Predicate = (read: FieldReader) => boolean;

const OPERATORS = new Set(['=', '!=', '<>', 'in', 'not in', '<', '<=', '>', '>=', 'like', 'ilike', 'not ilike', '=like', '=ilike']);

/**
 * Compiles an Odoo domain into a predicate. Terms side by side are AND-ed (Odoo's implicit '&').
 * Throws BadRequest on malformed domains, as Odoo would with a ValueError.
 */
export function compileDomain(domain: unknown): Predicate {
  if (domain === undefined || domain === null) return () => true;
  if (!Array.isArray(domain)) throw badRequest('domain must be a list');
  let i = 0;
  const next = (): Predicate => {
    if (i >= domain.length) throw badRequest('malformed domain: an operator is missing its operands');
    const token = domain[i++] as unknown;
    if (token === '&' || token === '|') {
      const left = next();
      const right = next();
      return token === '&' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
    }
    if (token === '!') {
      const inner = next();
      return (r) => !inner(r);
    }
    return term(token);
  };
  const parts: Predicate[] = [];
  while (i < domain.length) parts.push(next());
  return (r) => parts.every((p) => p(r));
}

function term(token: unknown): Predicate {
  if (!Array.isArray(token) || token.length !== 3 || typeof token[0] !== 'string' || typeof token[1] !== 'string')
    throw badRequest(`malformed domain term: ${JSON.stringify(token)}`);
  const [field, operator, value] = token as [string, string, unknown];
  if (!OPERATORS.has(operator)) throw badRequest(`invalid domain operator "${operator}"`);
  return (read) => matches(read(field), operator, value);
}

function matches(actual: unknown, operator: string, value: unknown): boolean {
  const values = Array.isArray(actual) ? actual : [actual]; // x2many: any of the ids
  switch (operator) {
    case '=':
      return value === false ? isEmpty(actual) : values.some((a) => a === value);
    case '!=':
    case '<>':
      return value === false ? !isEmpty(actual) : !values.some((a) => a === value);
    case 'in':
      return asList(value).some((v) => (v === false ? isEmpty(actual) : values.includes(v)));
    case 'not in':
      return !asList(value).some((v) => (v === false ? isEmpty(actual) : values.includes(v)));
    case '<':
      return compare(actual, value, (c) => c < 0);
    case '<=':
      return compare(actual, value, (c) => c <= 0);
    case '>':
      return compare(actual, value, (c) => c > 0);
    case '>=':
      return compare(actual, value, (c) => c >= 0);
    case 'like':
      return like(actual, `%${String(value)}%`, false);
    case 'ilike':
      return like(actual, `%${String(value)}%`, true);
    case 'not ilike':
      return !like(actual, `%${String(value)}%`, true);
    case '=like':
      return like(actual, String(value), false);
    case '=ilike':
      return like(actual, String(value), true);
  }
  return false;
}

function isEmpty(v: unknown): boolean {
  return v === false || v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw badRequest('the value of "in" / "not in" must be a list');
  return value;
}

function compare(actual: unknown, value: unknown, test: (c: number) => boolean): boolean {
  if (isEmpty(actual)) return false; // SQL NULL compares to nothing
  if (typeof actual === 'number' && typeof value === 'number') return test(actual - value);
  const a = String(actual);
  const b = String(value);
  return test(a < b ? -1 : a > b ? 1 : 0);
}

/** SQL LIKE: % any run, _ one character. */
function like(actual: unknown, pattern: string, insensitive: boolean): boolean {
  if (isEmpty(actual)) return false;
  const source = pattern
    .split('')
    .map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, insensitive ? 'is' : 's').test(String(actual));
}

/** Parses Odoo's `order` ("date_start desc, id") into a comparator over field readers. */
export function compileOrder(order: string): (a: FieldReader, b: FieldReader) => number {
  const keys = order
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([field, dir = 'asc']) => {
      if (!/^[a-z_][a-z0-9_.]*$/.test(field) || !/^(asc|desc)$/i.test(dir)) throw badRequest(`invalid order "${order}"`);
      return { field, desc: dir.toLowerCase() === 'desc' };
    });
  return (a, b) => {
    for (const { field, desc } of keys) {
      const c = compareValues(a(field), b(field));
      if (c !== 0) return desc ? -c : c;
    }
    return 0;
  };
}

function compareValues(x: unknown, y: unknown): number {
  // Odoo sorts NULLs last in ascending order (PostgreSQL default).
  if (isEmpty(x) && isEmpty(y)) return 0;
  if (isEmpty(x)) return 1;
  if (isEmpty(y)) return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}
