import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SandboxStore } from '../../core';
import { WmsPosting } from '../http/wms-posting';
import { wmsProblems } from '../http/wms-problem';
import { wmsChecks } from '../http/wms-request-checks';
import { stockUnitOf } from '../wms-master-data';
import { documentNumber } from '../wms.records';
import type { CreateExpectedReceiptDto } from './expected-receipt.dto';

export interface ExpectedReceiptRecord {
  id: string;
  warehouseCode: string;
  reference: string;
  supplierCode: string;
  expectedArrival: string;
  status: 'expected' | 'received' | 'cancelled';
  lines: Array<{ itemNumber: string; quantity: { amount: string; unit: string }; lotNumber?: string; purchaseOrderReference: string }>;
  createdAt: string;
}

/** Inbound deliveries announced by suppliers' ship notices: recorded (and in the ledger), no stock booked. */
@Injectable()
export class WmsExpectedReceiptsService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(WmsPosting) private readonly posting: WmsPosting,
  ) {}

  create(req: FastifyRequest, plant: string, body: CreateExpectedReceiptDto): ExpectedReceiptRecord {
    return this.posting.run(req, {
      operation: 'expected-receipt.create',
      businessKey: (r) => r.reference,
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        // Announced in the purchase order's unit (a BOX of screws): the dock converts at receipt, so
        // only the item is checked here, not the stock unit.
        for (const line of body.lines) if (!stockUnitOf(line.itemNumber)) throw wmsProblems.unknownItem(line.itemNumber);
        const record: ExpectedReceiptRecord = {
          id: documentNumber('ER', plant, this.store.nextId(`${plant}/wms/expected-receipt`)),
          warehouseCode: body.warehouseCode,
          reference: body.reference,
          supplierCode: body.supplierCode,
          expectedArrival: body.expectedArrival,
          status: 'expected',
          lines: body.lines.map((l) => ({
            itemNumber: l.itemNumber,
            quantity: { amount: l.quantity.amount, unit: l.quantity.unit },
            ...(l.lotNumber ? { lotNumber: l.lotNumber } : {}),
            purchaseOrderReference: l.purchaseOrderReference,
          })),
          createdAt: new Date().toISOString(),
        };
        this.store.put(`${plant}/wms/expected-receipts`, record.id, record);
        return record;
      },
    });
  }
}
