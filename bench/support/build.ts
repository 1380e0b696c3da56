import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * Compiles the apps to dist/ as `npm run build` does, without the type check (`npm run typecheck`
 * and CI do that): the bench measures the JavaScript production runs, not the register hook.
 * Returns the seconds it took.
 */
export function buildDist(): number {
  const started = performance.now();
  for (const [bin, args] of [
    ['tsc', ['-p', 'tsconfig.build.json', '--noCheck']],
    ['tsc-alias', ['-p', 'tsconfig.build.json']],
  ] as const) {
    const result = spawnSync(join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (exit ${result.status})`);
  }
  return (performance.now() - started) / 1000;
}
