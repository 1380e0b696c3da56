import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * XML plumbing shared by the B2MML V0600 builders and parsers. B2MML is used courtesy of
 * MESA International ("The Business To Manufacturing Markup Language (B2MML) is used courtesy
 * of MESA International."); the schemas themselves are not copied into this repository.
 */
export const B2MML_V0600_NAMESPACE = 'http://www.mesa.org/xml/B2MML-V0600';
/** `releaseID` attribute every V0600 BOD carries (required by the schema). */
export const B2MML_RELEASE_ID = '6.0';

/** An element as fast-xml-parser returns it: text, or an object of children / `@_attributes` / `#text`. */
export type XmlNode = string | { [name: string]: XmlNode | XmlNode[] | undefined };

/** A B2MML document we could not read, with every reason found (answered as 400 by callers). */
export class B2mmlFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'B2mmlFormatError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Keep every value a string: quantities are decimals, ids may have leading zeros.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

/**
 * Parses a B2MML document and returns `{ rootName, root }`. Rejects malformed XML (with the
 * parser's line and reason), DOCTYPE declarations (no entity tricks from plant networks) and
 * a root element other than `expectedRoots`.
 */
export function parseB2mml(xml: string, expectedRoots: readonly string[]): { rootName: string; root: XmlNode } {
  if (typeof xml !== 'string' || xml.trim() === '') throw new B2mmlFormatError(['the body is empty; expected a B2MML XML document']);
  if (/<!DOCTYPE/i.test(xml)) throw new B2mmlFormatError(['DOCTYPE declarations are not accepted']);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new B2mmlFormatError([`the body is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`]);
  }
  const doc = parser.parse(xml) as Record<string, XmlNode>;
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!rootName || !expectedRoots.includes(rootName)) {
    throw new B2mmlFormatError([`expected a ${expectedRoots.join(' or ')} document, got ${rootName ?? 'nothing'}`]);
  }
  const ns = rootNamespace(xml);
  if (ns !== undefined && ns !== B2MML_V0600_NAMESPACE) {
    throw new B2mmlFormatError([`expected namespace ${B2MML_V0600_NAMESPACE}, got ${ns}`]);
  }
  return { rootName, root: doc[rootName] as XmlNode };
}

/** The namespace of the root element (the parser drops prefixes and xmlns, so read the start tag). */
function rootNamespace(xml: string): string | undefined {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const start = /<(?:([\w.-]+):)?[\w.-]+((?:\s+[^>]*?)?)\/?>/.exec(body);
  if (!start) return undefined;
  const attribute = start[1] ? `xmlns:${start[1]}` : 'xmlns';
  const match = new RegExp(`\\s${attribute}\\s*=\\s*(["'])(.*?)\\1`).exec(start[2] ?? '');
  return match?.[2];
}

/** Serialises `{ [rootName]: body }` with the V0600 namespace and releaseID on the root. */
export function buildB2mml(rootName: string, body: Record<string, unknown>): string {
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [rootName]: { '@_xmlns': B2MML_V0600_NAMESPACE, '@_releaseID': B2MML_RELEASE_ID, ...body },
  };
  return builder.build(doc) as string;
}

/** Every child element `name` of `node` (fast-xml-parser gives one child as an object, many as an array). */
export function all(node: XmlNode | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function one(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

/** Text content of an element (also when it carries attributes), trimmed; undefined when absent or empty. */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const value = typeof node === 'string' ? node : node['#text'];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Text of the first child `name`. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return text(one(node, name));
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** A B2MML QuantityValueType element. */
export function quantityElement(value: string, unit: string, key?: string): Record<string, unknown> {
  return { QuantityString: value, DataType: 'decimal', UnitOfMeasure: unit, ...(key ? { Key: key } : {}) };
}

/** Reads a QuantityValueType element into `{ value, unit }` (undefined parts when absent). */
export function readQuantity(node: XmlNode | undefined): { value?: string; unit?: string; key?: string } {
  return { value: childText(node, 'QuantityString'), unit: childText(node, 'UnitOfMeasure'), key: childText(node, 'Key') };
}

/** xsd:dateTime from an ISO date or date-time: a bare date becomes midnight UTC (or 23:59:59 for an end). */
export function toXsdDateTime(value: string, endOfDay = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${endOfDay ? '23:59:59' : '00:00:00'}Z`;
  return value;
}
