/** The ApplicationArea every BOD starts with (TransApplicationAreaType, element order as in the XSD). */
export interface ApplicationAreaInput {
  /** Sender/LogicalID, e.g. 'PLANTSYNC' or 'MES-DET'. */
  sender: string;
  /** Sender/ComponentID, e.g. 'mes-api'. */
  component?: string;
  /** BODID: unique per document; receivers deduplicate and correlate acknowledgements by it. */
  bodId: string;
  /** CreationDateTime, ISO 8601; default now. */
  createdAt?: string;
}

export function applicationArea(input: ApplicationAreaInput): Record<string, unknown> {
  return {
    Sender: { LogicalID: input.sender, ...(input.component ? { ComponentID: input.component } : {}) },
    CreationDateTime: input.createdAt ?? new Date().toISOString(),
    BODID: input.bodId,
  };
}
