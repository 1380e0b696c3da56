import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { formatDecimal, decimal } from '@plantsync/canonical';
import { SandboxStore } from '../../core';
import { WmsPosting } from '../http/wms-posting';
import { wmsProblems } from '../http/wms-problem';
import { wmsChecks } from '../http/wms-request-checks';
import { WmsStockBook } from '../stock/wms-stock-book';
import { documentNumber } from '../wms.records';
import type { CreateGoodsIssueDto } from './create-goods-issue.dto';
import { goodsIssueCollection, type GoodsIssueRecord } from './goods-issue.record';

/**
 * Goods issues: stock leaving one unrestricted balance (location × item × lot) without a transfer,
 * e.g. components a production order consumed from the line. Physical stock decides, not ATP:
 * the order that consumes is usually the one holding the reservation.
 */
@Injectable()
export class WmsGoodsIssuesService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(WmsStockBook) private readonly stock: WmsStockBook,
    @Inject(WmsPosting) private readonly posting: WmsPosting,
  ) {}

  create(req: FastifyRequest, plant: string, body: CreateGoodsIssueDto): GoodsIssueRecord {
    return this.posting.run(req, {
      operation: 'goods-issue.create',
      businessKey: (g) => g.reference ?? g.id,
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        wmsChecks.itemQuantity(body.itemNumber, body.quantity);
        wmsChecks.location(plant, body.locationCode);
        const balance = { locationCode: body.locationCode, itemNumber: body.itemNumber, lotNumber: body.lotNumber, stockStatus: 'unrestricted' as const, quantity: body.quantity };
        if (!this.stock.remove(plant, balance)) {
          const held = this.stock.balances(plant, { item: body.itemNumber, location: body.locationCode, lot: body.lotNumber, status: 'unrestricted' })
            .filter((b) => (b.lotNumber ?? '') === (body.lotNumber ?? ''))
            .reduce((sum, b) => sum.plus(b.quantity.amount), decimal('0'));
          const where = `at ${body.locationCode}${body.lotNumber ? ` in lot ${body.lotNumber}` : ''} at plant ${plant} (unrestricted)`;
          throw wmsProblems.insufficientStock(body.itemNumber, body.quantity, { amount: formatDecimal(held), unit: body.quantity.unit }, where);
        }
        const issue: GoodsIssueRecord = {
          id: documentNumber('GI', plant, this.store.nextId(`${plant}/wms/goods-issue`)),
          warehouseCode: body.warehouseCode,
          itemNumber: body.itemNumber,
          quantity: { amount: body.quantity.amount, unit: body.quantity.unit },
          ...(body.lotNumber ? { lotNumber: body.lotNumber } : {}),
          locationCode: body.locationCode,
          reasonCode: body.reasonCode,
          ...(body.reference ? { reference: body.reference } : {}),
          issuedAt: new Date().toISOString(),
        };
        this.store.put(goodsIssueCollection(plant), issue.id, issue);
        return issue;
      },
    });
  }
}
