/** No released BOM revision of `item` is effective on `at`: an order for it cannot be planned or released. */
export class NoReleasedRevisionError extends Error {
  readonly classification = 'conflict' as const;
  readonly code = 'no-released-bom-revision';
  constructor(
    readonly item: string,
    readonly at: string,
  ) {
    super(`item ${item} has no released BOM revision effective on ${at}`);
    this.name = 'NoReleasedRevisionError';
  }
}

/** The BOM structure refers back to one of its own ancestors; `path` ends with the repeated item. */
export class BomCycleError extends Error {
  readonly classification = 'conflict' as const;
  readonly code = 'bom-cycle';
  constructor(readonly path: readonly string[]) {
    super(`the bill of materials contains a cycle: ${path.join(' → ')}`);
    this.name = 'BomCycleError';
  }
}

/** The structure is deeper than any real product; almost always a data error. */
export class BomTooDeepError extends Error {
  readonly classification = 'conflict' as const;
  readonly code = 'bom-too-deep';
  constructor(
    readonly path: readonly string[],
    readonly maxDepth: number,
  ) {
    super(`the bill of materials is deeper than ${maxDepth} levels at ${path.join(' → ')}`);
    this.name = 'BomTooDeepError';
  }
}
