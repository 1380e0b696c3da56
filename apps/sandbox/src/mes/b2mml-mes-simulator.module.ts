import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { SandboxSeeding } from '../core';
import { MesCredentialGuard } from './mes-credential.guard';
import { MesReportController } from './mes-report.controller';
import { MesReportingService } from './mes-reporting.service';
import { MesSimulatorService } from './mes-simulator.service';
import { mesWorkOrdersSeeder } from './mes-work-orders.seeder';
import { ProductionScheduleController } from './production-schedule.controller';

/** The plant MES of every demo plant, speaking ISA-95 B2MML V0600 over HTTP. */
@Module({
  controllers: [ProductionScheduleController, MesReportController],
  providers: [MesSimulatorService, MesReportingService, MesCredentialGuard],
})
export class B2mmlMesSimulatorModule implements OnModuleInit {
  constructor(@Inject(SandboxSeeding) private readonly seeding: SandboxSeeding) {}

  onModuleInit(): void {
    this.seeding.register(mesWorkOrdersSeeder);
  }
}
