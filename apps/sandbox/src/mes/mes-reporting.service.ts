import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { LedgerService, SandboxStore } from '../core';
import { syncProductionPerformance } from './mes-schedule.documents';
import { reportCollection, workOrderCollection, type MesProductionReport, type MesWorkOrder } from './mes-work-order';

export interface ReportInput {
  /** Good quantity of this report, decimal string in the work order's unit. */
  yield: string;
  scrap: string;
  final: boolean;
  /** Omitted: the next sequence. Given and already reported: the same message is sent again. */
  sequence?: number;
  scrapReason?: string;
  lot?: string;
}

export interface ReportOutcome {
  messageId: string;
  sequence: number;
  resent: boolean;
  delivered: boolean;
  /** HTTP status of the MES system API (0 when unreachable). */
  status: number;
  response: unknown;
}

/** Demo MES API keys (config/api-keys.demo.yaml), used when SANDBOX_MES_API_KEY_<PLANT> is not set. */
const DEMO_MES_KEYS: Readonly<Record<string, string>> = {
  P100: 'ps_demo_mes_p100_5a1f',
  P200: 'ps_demo_mes_p200_9d3c',
  P300: 'ps_demo_mes_p300_2e7b',
};

const DECIMAL = /^\d{1,18}(\.\d{1,12})?$/;

/**
 * Reports production upward the way a plant MES does: it records the report against the work
 * order, then POSTs a B2MML SyncProductionPerformance to the MES system API with its plant's
 * API key. Settings are read per call (SANDBOX_MES_REPORT_URL, SANDBOX_MES_API_KEY_<PLANT>),
 * so a test can point a running sandbox at the mes-api it just booted.
 */
@Injectable()
export class MesReportingService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(LedgerService) private readonly ledger: LedgerService,
  ) {}

  async report(plant: string, workOrderId: string, input: ReportInput): Promise<ReportOutcome> {
    validate(input);
    const { report, resent } = this.record(plant, workOrderId, input);
    const delivery = await this.deliver(plant, report);
    this.store.transaction(() => {
      const stored = this.store.get<MesProductionReport>(reportCollection(plant), reportKey(report)) ?? report;
      stored.deliveries.push({ at: new Date().toISOString(), status: delivery.status });
      this.store.put(reportCollection(plant), reportKey(report), stored);
    });
    return { messageId: report.messageId, sequence: report.sequence, resent, ...delivery };
  }

  /** Applies the report to the work order once per sequence (a resend changes nothing). */
  private record(plant: string, workOrderId: string, input: ReportInput): { report: MesProductionReport; resent: boolean } {
    return this.store.transaction(() => {
      const wo = this.store.get<MesWorkOrder>(workOrderCollection(plant), workOrderId);
      if (!wo) throw new NotFoundException(`work order ${workOrderId} does not exist at ${plant}`);
      if (input.sequence !== undefined) {
        const earlier = this.store.get<MesProductionReport>(reportCollection(plant), `${workOrderId}#${input.sequence}`);
        if (earlier) return { report: earlier, resent: true };
        if (input.sequence <= wo.lastSequence)
          throw new ConflictException(`sequence ${input.sequence} of ${workOrderId} is behind the last reported sequence ${wo.lastSequence}`);
      }
      if (wo.state === 'Completed' || wo.state === 'Aborted')
        throw new ConflictException(`work order ${workOrderId} is ${wo.state}; it takes no more reports`);
      const sequence = input.sequence ?? wo.lastSequence + 1;
      const messageId = `MES-${plant}-${wo.orderNumber}-${String(sequence).padStart(4, '0')}`;
      const reportedAt = new Date().toISOString();
      wo.produced = new Decimal(wo.produced).plus(input.yield).toFixed();
      wo.scrapped = new Decimal(wo.scrapped).plus(input.scrap).toFixed();
      wo.state = input.final ? 'Completed' : 'Running';
      wo.lastSequence = sequence;
      const xml = syncProductionPerformance({
        plant,
        bodId: `SYNC-${plant}-${randomUUID()}`,
        messageId,
        wo,
        sequence,
        yieldQty: new Decimal(input.yield).toFixed(),
        scrapQty: new Decimal(input.scrap).toFixed(),
        scrapReason: input.scrapReason,
        lot: input.lot,
        final: input.final,
        reportedAt,
      });
      const report: MesProductionReport = { workOrderId, sequence, messageId, xml, deliveries: [] };
      this.store.put(workOrderCollection(plant), wo.id, wo);
      this.store.put(reportCollection(plant), reportKey(report), report);
      this.ledger.record({
        plant,
        system: 'mes',
        operation: 'SyncProductionPerformance',
        businessKey: wo.orderNumber,
        payload: { messageId, sequence, yield: input.yield, scrap: input.scrap, final: input.final, xml },
      });
      return { report, resent: false };
    });
  }

  private async deliver(plant: string, report: MesProductionReport): Promise<Pick<ReportOutcome, 'delivered' | 'status' | 'response'>> {
    const base = (process.env.SANDBOX_MES_REPORT_URL || 'http://127.0.0.1:3002').replace(/\/+$/, '');
    const key = process.env[`SANDBOX_MES_API_KEY_${plant}`] || DEMO_MES_KEYS[plant];
    try {
      const res = await fetch(`${base}/v1/plants/${encodeURIComponent(plant)}/production-performance`, {
        method: 'POST',
        headers: {
          'content-type': 'application/xml',
          accept: 'application/json',
          'x-correlation-id': report.messageId,
          ...(key ? { 'x-api-key': key } : {}),
        },
        body: report.xml,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      let response: unknown = text;
      try {
        response = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { delivered: res.ok, status: res.status, response };
    } catch (e) {
      return { delivered: false, status: 0, response: `MES system API unreachable at ${base}: ${(e as Error).message}` };
    }
  }
}

const reportKey = (r: Pick<MesProductionReport, 'workOrderId' | 'sequence'>) => `${r.workOrderId}#${r.sequence}`;

function validate(input: ReportInput): void {
  const problems: string[] = [];
  if (typeof input?.yield !== 'string' || !DECIMAL.test(input.yield)) problems.push('yield must be a decimal string such as "120"');
  if (typeof input?.scrap !== 'string' || !DECIMAL.test(input.scrap)) problems.push('scrap must be a decimal string such as "0"');
  if (typeof input?.final !== 'boolean') problems.push('final must be true or false');
  if (input?.sequence !== undefined && (!Number.isInteger(input.sequence) || input.sequence < 1))
    problems.push('sequence must be an integer from 1');
  if (problems.length > 0) throw new BadRequestException(problems.join('; '));
}
