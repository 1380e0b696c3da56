import { Body, Controller, Get, Header, Module, OnModuleInit, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import {
  Allow,
  ClassifiedError,
  currentCorrelationId,
  CurrentPrincipal,
  HealthRegistry,
  Idempotent,
  PlantParam,
  PlatformModule,
  Principal,
  ProblemException,
} from '@plantsync/platform';

export class QuantityDto {
  @IsInt() @Min(1) value!: number;
  @IsString() unit!: string;
}
export class ReleaseLineDto {
  @IsString() item!: string;
  @ValidateNested() @Type(() => QuantityDto) quantity!: QuantityDto;
}
export class ReleaseOrderDto {
  @IsString() order!: string;
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => ReleaseLineDto)
  lines!: ReleaseLineDto[];
}

/** Knobs the tests turn: a deferred to hold a request, counters, a failing health check. */
export const testState = {
  releases: 0,
  held: undefined as Promise<void> | undefined,
  heldCalls: 0,
  flakyCalls: 0,
  rejectedCalls: 0,
  erpUp: true,
};

class OdooUnavailable implements ClassifiedError {
  readonly classification = 'unavailable' as const;
  readonly code = 'erp-unavailable';
  readonly message = 'Odoo for P100 Detroit is not answering';
  readonly details = { plant: 'P100' };
}

@Controller('plants/:plant')
export class PlantOrdersController {
  @Get('orders')
  @Allow('planner', 'mes')
  @PlantParam()
  list(@Param('plant') plant: string, @CurrentPrincipal() principal: Principal) {
    return { plant, caller: principal.id };
  }

  @Post('releases')
  @Allow('planner', 'service', 'mes')
  @Idempotent()
  @Header('location', '/plants/P100/releases/latest')
  release(@PlantParam() plant: string, @Body() body: ReleaseOrderDto) {
    testState.releases += 1;
    return { plant, order: body.order, releaseNo: testState.releases };
  }
}

@Controller()
export class PlatformProbeController {
  @Get('admin/settings')
  settings() {
    return { retentionDays: 30 };
  }

  @Get('correlation')
  @Allow('planner', 'service')
  async correlation() {
    await new Promise((r) => setTimeout(r, 5));
    return { correlationId: currentCorrelationId() };
  }

  @Post('correlation')
  @Allow('planner', 'service')
  async correlationAfterBody(@Body() _body: ReleaseOrderDto) {
    await new Promise((r) => setTimeout(r, 5));
    return { correlationId: currentCorrelationId() };
  }

  @Get('boom')
  @Allow('planner')
  boom() {
    throw new Error('connect ECONNREFUSED 10.1.2.3:5432 user=plantsync password=hunter2');
  }

  @Get('backend-down')
  @Allow('planner')
  backendDown() {
    throw new OdooUnavailable();
  }

  @Post('held')
  @Allow('planner')
  @Idempotent({ required: true })
  async held(@Body() body: { note?: string }) {
    testState.heldCalls += 1;
    await testState.held;
    return { done: true, note: body.note ?? null };
  }

  @Post('flaky')
  @Allow('planner')
  @Idempotent()
  flaky() {
    testState.flakyCalls += 1;
    if (testState.flakyCalls === 1) throw new Error('ERP socket hang up');
    return { posted: true, attempt: testState.flakyCalls };
  }

  @Post('rejected')
  @Allow('planner')
  @Idempotent()
  rejected() {
    testState.rejectedCalls += 1;
    throw new ProblemException({
      status: 404,
      code: 'order-not-found',
      title: 'Order not found',
      detail: 'No order PO-9999',
    });
  }
}

@Module({
  imports: [PlatformModule.forRoot({ app: 'platform-test' })],
  controllers: [PlantOrdersController, PlatformProbeController],
})
export class PlatformTestModule implements OnModuleInit {
  constructor(private readonly health: HealthRegistry) {}

  onModuleInit(): void {
    this.health.register('erp:P100', async () => {
      if (!testState.erpUp) throw new Error('Odoo at P100 Detroit is down');
    });
  }
}
