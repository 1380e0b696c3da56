import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SandboxStore } from '../../core';
import type { CreateReceiptDto } from '../dto/wms-requests.dto';
import { WmsPosting } from '../http/wms-posting';
import { wmsChecks } from '../http/wms-request-checks';
import { WmsStockBook } from '../stock/wms-stock-book';
import { documentNumber, wmsCollections, type ReceiptRecord } from '../wms.records';

/** Goods receipts (purchase order lines, production output) into unrestricted, QI or blocked stock. */
@Injectable()
export class WmsReceiptsService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(WmsStockBook) private readonly stock: WmsStockBook,
    @Inject(WmsPosting) private readonly posting: WmsPosting,
  ) {}

  create(req: FastifyRequest, plant: string, body: CreateReceiptDto): ReceiptRecord {
    return this.posting.run(req, {
      operation: 'receipt.create',
      businessKey: (r) => r.reference ?? r.id,
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        wmsChecks.itemQuantity(body.itemNumber, body.quantity);
        wmsChecks.location(plant, body.locationCode);
        const receipt: ReceiptRecord = {
          id: documentNumber('GR', plant, this.store.nextId(`${plant}/wms/receipt`)),
          warehouseCode: body.warehouseCode,
          itemNumber: body.itemNumber,
          quantity: { amount: body.quantity.amount, unit: body.quantity.unit },
          ...(body.lotNumber ? { lotNumber: body.lotNumber } : {}),
          locationCode: body.locationCode,
          stockStatus: body.stockStatus ?? 'unrestricted',
          ...(body.reference ? { reference: body.reference } : {}),
          receivedAt: new Date().toISOString(),
        };
        this.stock.add(plant, {
          locationCode: receipt.locationCode,
          itemNumber: receipt.itemNumber,
          lotNumber: receipt.lotNumber,
          stockStatus: receipt.stockStatus,
          quantity: receipt.quantity,
        });
        this.store.put(wmsCollections(plant).receipts, receipt.id, receipt);
        return receipt;
      },
    });
  }
}
