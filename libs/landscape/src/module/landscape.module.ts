import { DynamicModule, Global, Module } from '@nestjs/common';
import { loadLandscape } from '../loader/landscape.loader';
import { Landscape } from '../model/landscape';

/** Loads and validates the landscape once at boot; an invalid file stops boot. */
@Global()
@Module({})
export class LandscapeModule {
  static forRoot(options: { landscape?: Landscape } = {}): DynamicModule {
    return {
      module: LandscapeModule,
      providers: [{ provide: Landscape, useFactory: () => options.landscape ?? loadLandscape() }],
      exports: [Landscape],
    };
  }
}
