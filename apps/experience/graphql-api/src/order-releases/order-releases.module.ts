import { Module } from '@nestjs/common';
import { OrderReleasesResolver } from './order-releases.resolver';
import { OrderReleasesService } from './order-releases.service';

@Module({ providers: [OrderReleasesResolver, OrderReleasesService], exports: [OrderReleasesService] })
export class OrderReleasesModule {}
