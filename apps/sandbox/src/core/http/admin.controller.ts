import { Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { SandboxSeeding } from '../seeding/sandbox-seeding.service';
import { SANDBOX_PLANT_CODES } from '../plants/sandbox-plants';
import { AdminTokenGuard } from './admin-token.guard';

@Controller()
export class HealthController {
  @Get('health')
  health(): { status: 'ok'; plants: readonly string[] } {
    return { status: 'ok', plants: SANDBOX_PLANT_CODES };
  }
}

@Controller('admin')
@UseGuards(AdminTokenGuard)
export class AdminResetController {
  constructor(@Inject(SandboxSeeding) private readonly seeding: SandboxSeeding) {}

  /** Wipes all simulator state, idempotency records and the ledger, then re-seeds the demo dataset. */
  @Post('reset')
  @HttpCode(200)
  reset(): { reseeded: string[] } {
    return { reseeded: this.seeding.reset() };
  }
}
