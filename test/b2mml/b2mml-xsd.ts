import fs from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/**
 * Where the B2MML V0600 schemas live: `../shared/standards/b2mml/V0600` relative to the repo root
 * (they are not copied into this repo; B2MML is used courtesy of MESA International — keep that
 * statement with any copy). Override with B2MML_SCHEMA_DIR.
 */
export const B2MML_SCHEMA_DIR =
  process.env.B2MML_SCHEMA_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'standards', 'b2mml', 'V0600');

let preload: XMLFileInfo[] | undefined;

/** Every .xsd of the schema folder; throws (never skips) when the folder is missing. */
function schemaFiles(): XMLFileInfo[] {
  if (preload) return preload;
  if (!fs.existsSync(path.join(B2MML_SCHEMA_DIR, 'AllSchemas.xsd'))) {
    throw new Error(
      `B2MML V0600 schemas not found in ${B2MML_SCHEMA_DIR} (expected AllSchemas.xsd). ` +
        'Set B2MML_SCHEMA_DIR to the folder holding the V0600 XSDs.',
    );
  }
  preload = fs
    .readdirSync(B2MML_SCHEMA_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(B2MML_SCHEMA_DIR, fileName), 'utf8') }));
  return preload;
}

/**
 * The schema file for a document: libxml2 cannot compile AllSchemas.xsd (its includes import the
 * extension namespace from two different files), so each noun is validated against its own XSD.
 */
function schemaFor(xml: string): string {
  const root = /<(?:\w+:)?(\w+)[\s>]/.exec(xml.replace(/<\?xml[^>]*\?>/, ''))?.[1] ?? '';
  const noun = /^(?:Get|Show|Process|Acknowledge|Change|Respond|Cancel|Sync)(\w+)$/.exec(root)?.[1] ?? root;
  const file = `B2MML-V0600-${noun}.xsd`;
  if (!fs.existsSync(path.join(B2MML_SCHEMA_DIR, file))) throw new Error(`no schema ${file} for root element ${root}`);
  return file;
}

/** Validates a document against its noun's V0600 XSD; returns the validator's messages (empty = valid). */
export async function b2mmlSchemaErrors(xml: string): Promise<string[]> {
  const files = schemaFiles();
  const schemaFile = schemaFor(xml);
  const schema = files.find((f) => f.fileName === schemaFile)!;
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema,
    preload: files.filter((f) => f !== schema),
    maxMemoryPages: 4096,
  });
  // libxml2 also lists harmless 'Skipping import' parser warnings; keep only real problems.
  return result.valid ? [] : result.errors.map((e) => e.rawMessage).filter((m) => !m.includes('parser warning'));
}

/** Jest helper: fails with every schema message when `xml` is not valid B2MML V0600. */
export async function expectValidB2mml(xml: string): Promise<void> {
  const errors = await b2mmlSchemaErrors(xml);
  if (errors.length > 0) throw new Error(`not valid B2MML V0600:\n${errors.join('\n')}\n--- document ---\n${xml}`);
}
