/**
 * A CloudEvents 1.0 event in structured JSON mode. Extension attribute names must be lower-case
 * alphanumerics (CloudEvents spec, "Naming conventions"), hence `correlationid`/`causationid`.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** uuid; consumers deduplicate by it (inbox). */
  id: string;
  /** Producing component, e.g. `/plantsync/order-release`. */
  source: string;
  /** `io.plantsync.<domain>.<event>.v<N>`. */
  type: string;
  /** Business key, e.g. `P100/PO-5000`. */
  subject: string;
  /** RFC 3339 timestamp. */
  time: string;
  datacontenttype: 'application/json';
  data: T;
  /** Id shared by every event, job and log line of one business flow. */
  correlationid: string;
  /** Id of the event (or request) that caused this one. */
  causationid?: string;
}

/** `io.plantsync.<domain>.<event>.v<N>`; domain and event are kebab-case. */
export const EVENT_TYPE_PATTERN = /^io\.plantsync\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;
