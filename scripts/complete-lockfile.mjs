#!/usr/bin/env node
/**
 * Adds lockfile entries for the platform-specific optional packages (native binaries of @swc/core,
 * msgpackr-extract, unrs-resolver, …) that npm could not record because the registry mirror of
 * our build machines only serves the linux-x64 builds. Without them `npm ci` refuses the lockfile as
 * "out of sync" everywhere. Each entry carries `os`/`cpu`/`libc` from the package's naming
 * convention, so npm skips it on other platforms without fetching it, and installs it by
 * name and version where it matches. Run after every dependency change: `npm run lock:complete`.
 * See docs/adr/0005-lockfile-platform-binaries.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** `@swc/core-linux-arm-gnueabihf` → { os: linux, cpu: arm, libc: glibc }. */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return undefined;
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
const unknown = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) {
      unknown.push(`${dep} (optional dependency of ${path || 'the root'})`);
      continue;
    }
    const target = path && packages[`node_modules/${dep}`] === undefined ? `node_modules/${dep}` : base;
    packages[target] = {
      version: spec.replace(/^[\^~=]/, ''),
      cpu: [platform.cpu],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
      ...(entry.dev ? { dev: true } : {}),
      ...(entry.peer ? { peer: true } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} platform package entr${added === 1 ? 'y' : 'ies'}`);
if (unknown.length) {
  console.error(`complete-lockfile: missing optional packages that are not platform builds:\n  ${unknown.join('\n  ')}`);
  process.exit(1);
}
