import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The simulated MES' own B2MML V0600 reading and writing. Deliberately independent of the
 * connector's builders (libs/connectors/src/adapters/b2mml): a real MES is someone else's code,
 * and two implementations meeting only at the XSD is what catches mapping mistakes.
 * B2MML is used courtesy of MESA International.
 */
export const B2MML_NS = 'http://www.mesa.org/xml/B2MML-V0600';

export type Node = string | { [name: string]: Node | Node[] | undefined };

export class InvalidB2mml extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

export function readDocument(body: unknown, root: string): Node {
  if (typeof body !== 'string' || body.trim() === '') throw new InvalidB2mml(`expected a ${root} XML document (Content-Type: application/xml)`);
  if (/<!DOCTYPE/i.test(body)) throw new InvalidB2mml('DOCTYPE declarations are not accepted');
  const check = XMLValidator.validate(body);
  if (check !== true) throw new InvalidB2mml(`malformed XML at line ${check.err.line}: ${check.err.msg}`);
  const doc = parser.parse(body) as Record<string, Node>;
  if (!(root in doc)) throw new InvalidB2mml(`expected root element ${root}, got ${Object.keys(doc).join(', ') || 'none'}`);
  return doc[root];
}

export function writeDocument(root: string, body: Record<string, unknown>): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: { '@_xmlns': B2MML_NS, '@_releaseID': '6.0', ...body },
  }) as string;
}

export function kids(node: Node | undefined, name: string): Node[] {
  if (!node || typeof node === 'string') return [];
  const v = node[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function kid(node: Node | undefined, name: string): Node | undefined {
  return kids(node, name)[0];
}

export function str(node: Node | undefined, name?: string): string | undefined {
  const n = name === undefined ? node : kid(node, name);
  if (n === undefined) return undefined;
  const v = typeof n === 'string' ? n : n['#text'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
