import { BadRequestException, Body, Controller, HttpCode, Inject, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { isKnownPlant } from '../core';
import { AdminTokenGuard } from '../core/http/admin-token.guard';
import { CLONE_STATES, CloneRefused, OrderClonesService, type CloneStatus } from './order-clones.service';

const MAX_CLONES = 100_000;
const FIELDS = ['plant', 'from', 'count', 'status'];

/** `POST /admin/production-orders/clones`: many releasable (or reportable) orders for load runs (docs/sandbox.md). */
@Controller('admin/production-orders')
@UseGuards(AdminTokenGuard)
export class OrderClonesController {
  constructor(@Inject(OrderClonesService) private readonly clones: OrderClonesService) {}

  /** `{plant, from, count, status?: planned|released}` → 201 `{plant, orders, stockScaled}`. */
  @Post('clones')
  @HttpCode(201)
  create(@Body() body: Record<string, unknown> | undefined) {
    const input = body ?? {};
    const unknown = Object.keys(input).filter((k) => !FIELDS.includes(k));
    if (unknown.length > 0) throw new BadRequestException(`unknown field(s): ${unknown.join(', ')}`);
    const { plant, from, count, status } = input;
    if (typeof plant !== 'string' || !isKnownPlant(plant)) throw new BadRequestException('plant must be a sandbox plant such as P100');
    if (typeof from !== 'string' || from === '') throw new BadRequestException('from must name a production order such as MO-P100-0003');
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_CLONES)
      throw new BadRequestException(`count must be an integer from 1 to ${MAX_CLONES}`);
    if (status !== undefined && !(typeof status === 'string' && status in CLONE_STATES))
      throw new BadRequestException('status must be planned or released');
    try {
      return this.clones.clone({ plant, from, count: count as number, status: status as CloneStatus | undefined });
    } catch (e) {
      if (e instanceof CloneRefused) throw new NotFoundException(e.message);
      throw e;
    }
  }
}
