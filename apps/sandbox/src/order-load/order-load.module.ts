import { Module } from '@nestjs/common';
import { OrderClonesController } from './order-clones.controller';
import { OrderClonesService } from './order-clones.service';

/** Load-run fixtures: many production orders like one in the dataset, with the stock they need. */
@Module({ controllers: [OrderClonesController], providers: [OrderClonesService] })
export class OrderLoadModule {}
