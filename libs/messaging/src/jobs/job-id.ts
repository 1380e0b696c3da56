/**
 * Deterministic job id `<entity>-<step>`: adding the same step for the same entity twice (a retry,
 * a double click, a relay re-publish) finds the existing job and adds nothing.
 *
 * BullMQ 6 rejects custom ids containing ':' (`Custom Id cannot contain :`, job.js; ':' separates
 * its Redis key parts) and ids that are integers, so every character outside [A-Za-z0-9._/-] becomes '_'.
 */
export function jobId(entity: string, step: string): string {
  const id = `${sanitise(entity)}-${sanitise(step)}`;
  return /^\d+$/.test(id) ? `job-${id}` : id;
}

export function sanitise(part: string): string {
  return part.replace(/[^A-Za-z0-9._/-]/g, '_');
}
