import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import { AdminTokenGuard } from '../http/admin-token.guard';
import { isKnownPlant } from '../plants/sandbox-plants';
import { isSandboxSystem, type SandboxSystem } from '../sandbox.options';
import { InvalidFaultSettings, parseFaultSettings } from './fault-settings';
import { type FaultEntry, FaultService } from './fault.service';

@Controller('admin/faults')
@UseGuards(AdminTokenGuard)
export class FaultsController {
  constructor(@Inject(FaultService) private readonly faults: FaultService) {}

  @Get()
  list(): { faults: FaultEntry[] } {
    return { faults: this.faults.list() };
  }

  /** Replaces the settings of one plant × system (no merge: send all you want active). */
  @Put(':plant/:system')
  set(
    @Param('plant') plant: string,
    @Param('system') system: string,
    @Body() body: unknown,
  ): FaultEntry {
    const target = checkTarget(plant, system);
    try {
      return this.faults.set(target.plant, target.system, parseFaultSettings(body));
    } catch (error) {
      if (error instanceof InvalidFaultSettings) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Delete(':plant/:system')
  @HttpCode(204)
  clear(@Param('plant') plant: string, @Param('system') system: string): void {
    const target = checkTarget(plant, system);
    this.faults.clear(target.plant, target.system);
  }

  @Delete()
  @HttpCode(204)
  clearAll(): void {
    this.faults.clearAll();
  }
}

function checkTarget(plant: string, system: string): { plant: string; system: SandboxSystem } {
  if (!isKnownPlant(plant)) throw new NotFoundException(`unknown plant ${plant}`);
  if (!isSandboxSystem(system)) throw new BadRequestException('system must be erp, mes or wms');
  return { plant, system };
}
