/** An invalid landscape stops boot; the message names the file, the path inside it and the reason. */
export class LandscapeError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<{ path: string; reason: string }>,
  ) {
    super(
      `Invalid landscape ${file}:\n` + issues.map((i) => `  - ${i.path || '(root)'}: ${i.reason}`).join('\n'),
    );
    this.name = 'LandscapeError';
  }
}
