import { BadRequestException, Body, Controller, HttpCode, Inject, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { AdminTokenGuard } from '../core/http/admin-token.guard';
import { isKnownPlant } from '../core';
import { StockLandscapeService, type DriftInput } from './stock-landscape.service';

const KINDS = ['drop', 'double', 'alter', 'flip'];
const MAX_BALANCES = 1_000_000;

/**
 * Admin endpoints for reconciliation proofs (docs/sandbox.md, docs/reconciliation.md): seed N
 * identical balances into a plant's ERP and WMS, and drift one balance on one side.
 */
@Controller('admin')
@UseGuards(AdminTokenGuard)
export class DriftController {
  constructor(@Inject(StockLandscapeService) private readonly landscape: StockLandscapeService) {}

  /** `{plant, balances, replace?}`: replace (default true) wipes the plant's stock on both sides first. */
  @Post('stock-landscape')
  @HttpCode(200)
  seed(@Body() body: { plant?: string; balances?: number; replace?: boolean }) {
    const plant = this.plant(body.plant);
    const count = Number(body.balances);
    if (!Number.isInteger(count) || count < 1 || count > MAX_BALANCES)
      throw new BadRequestException(`balances must be an integer from 1 to ${MAX_BALANCES}`);
    return this.landscape.seed(plant, count, body.replace !== false);
  }

  /** `{plant, kind: drop|double|alter|flip, item, location, lot?, status?, system?, delta?, to?}`. */
  @Post('drift')
  @HttpCode(200)
  drift(@Body() body: Partial<DriftInput>) {
    const plant = this.plant(body.plant);
    if (!body.kind || !KINDS.includes(body.kind)) throw new BadRequestException(`kind must be one of ${KINDS.join(', ')}`);
    if (!body.item || !body.location) throw new BadRequestException('item and location are required');
    try {
      return this.landscape.drift({ ...(body as DriftInput), plant });
    } catch (e) {
      throw new NotFoundException((e as Error).message);
    }
  }

  private plant(plant: string | undefined): string {
    if (!plant || !isKnownPlant(plant)) throw new BadRequestException('plant must be a sandbox plant such as P100');
    return plant;
  }
}
