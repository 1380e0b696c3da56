import type { CircuitBreakerRegistry } from '@plantsync/messaging';
import { systemOf } from '../errors/system-api.errors';
import type { CallGuard } from './system-api.http';

/**
 * A CallGuard running each system-API call through the circuit of its plant × system: after
 * repeated outages (unavailable / timeout answers) the circuit opens and calls fail fast with a
 * transient error carrying Retry-After, so jobs back off and P100's work keeps its workers while
 * P200's ERP is down. Refusals (4xx) are answers, not outages, and never open a circuit.
 */
export function circuitBreakerGuard(registry: CircuitBreakerRegistry): CallGuard {
  return (site, call) => {
    const system = systemOf(site.api);
    return system ? registry.run(site.plant, system, call) : call();
  };
}
