import { DynamicModule, Module } from '@nestjs/common';
import { SandboxCoreModule } from './core/sandbox-core.module';
import { resolveSandboxOptions, type SandboxOptions } from './core/sandbox.options';
import { SIMULATOR_MODULES } from './simulators';

export interface SandboxModuleOptions extends Partial<SandboxOptions> {
  /** Simulator modules to boot; default SIMULATOR_MODULES (pass [] for the core alone). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  modules?: any[];
}

@Module({})
export class SandboxModule {
  static forRoot(options: SandboxModuleOptions = {}): DynamicModule {
    const { modules = SIMULATOR_MODULES, ...rest } = options;
    return {
      module: SandboxModule,
      imports: [SandboxCoreModule.forRoot(resolveSandboxOptions(rest)), ...modules],
    };
  }
}
