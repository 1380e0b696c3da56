import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { SandboxSeeding } from '../core';
import { OdooJson2Controller } from './odoo-json2.controller';
import { OdooCallService } from './orm/odoo-call.service';
import { odooErpSeeder } from './seed/odoo-erp.seeder';
import { odooIndexSeeder } from './seed/odoo-index.seeder';

/** Each plant's ERP as an Odoo 19 database behind the External JSON-2 API (docs/sandbox.md). */
@Module({
  controllers: [OdooJson2Controller],
  providers: [OdooCallService],
})
export class OdooErpSimulatorModule implements OnModuleInit {
  constructor(@Inject(SandboxSeeding) private readonly seeding: SandboxSeeding) {}

  onModuleInit(): void {
    this.seeding.register(odooErpSeeder);
    this.seeding.register(odooIndexSeeder);
  }
}
