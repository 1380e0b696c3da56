import { Global, Module } from '@nestjs/common';
import { PlatformConfig } from './platform.config';
import { validateConfig } from './validate-config';

/**
 * Validates the platform env when the app boots (not when a module file is imported, so tests
 * can set process.env first). Global so every lib can inject PlatformConfig.
 */
@Global()
@Module({
  providers: [
    { provide: PlatformConfig, useFactory: () => validateConfig(PlatformConfig, process.env) },
  ],
  exports: [PlatformConfig],
})
export class PlatformConfigModule {}
