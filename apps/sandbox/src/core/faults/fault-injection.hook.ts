import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { parsePlantRoute } from '../http/request-context';
import { isKnownPlant } from '../plants/sandbox-plants';
import { isSandboxSystem } from '../sandbox.options';
import type { FaultService } from './fault.service';

/**
 * Fastify onRequest hook for every `/plants/:plant/:system/...` URL, matched route or not:
 *   unknown plant or system → 404; down → 503 at once; else latency; then errorRate → 500.
 * A hook rather than a Nest interceptor so it also covers unmatched URLs and runs before
 * body parsing (a "down" backend does not read the body). Down answers 503 (not a closed
 * socket) so clients see a clean, retryable transient error.
 */
export function registerFaultInjection(fastify: FastifyInstance, faults: FaultService): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const route = parsePlantRoute(request.url);
    if (!route) return;
    if (!isKnownPlant(route.plant))
      return reply.code(404).send({ error: `unknown plant ${route.plant}` });
    if (!isSandboxSystem(route.system))
      return reply
        .code(404)
        .send({ error: `unknown system ${route.system}; expected erp, mes or wms` });

    const decision = faults.decide(route.plant, route.system);
    if (decision.kind === 'down') {
      return reply
        .code(503)
        .header(
          'retry-after',
          String(Math.max(1, Math.ceil((Date.parse(decision.downUntil) - Date.now()) / 1000))),
        )
        .send({ error: 'backend down (fault injection)' });
    }
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.kind === 'error')
      return reply.code(500).send({ error: 'internal error (fault injection)' });
  });
}
