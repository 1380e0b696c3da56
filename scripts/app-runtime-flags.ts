/**
 * Node/V8 flags every Plantsync app process runs with: `npm start` (scripts/start.ts) and the
 * bench (bench/support/app-process.ts) pass them on the command line; the Docker image sets the
 * same in NODE_OPTIONS (docker/Dockerfile). Keep the three in step.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB per semi-space instead of the
 * default 16 MB. Startup alone (Nest's module scan, decorators, OpenAPI) grows the young generation
 * to its cap, and V8 keeps it committed: ~25 MB per app idle, ~225 MB over the nine apps of
 * `npm start` (ADR 0013, docs/performance.md row 6). Request and job objects are short-lived, so a
 * smaller nursery costs more frequent but cheap scavenges.
 */
export const APP_RUNTIME_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
