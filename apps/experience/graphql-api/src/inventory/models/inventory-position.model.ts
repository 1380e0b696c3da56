import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuantityModel } from '../../common/quantity.model';

export enum StockStatus {
  UNRESTRICTED = 'unrestricted',
  QUALITY_INSPECTION = 'quality_inspection',
  BLOCKED = 'blocked',
  IN_TRANSIT = 'in_transit',
}
registerEnumType(StockStatus, { name: 'StockStatus' });

@ObjectType('StockBalance')
export class StockBalanceModel {
  @Field(() => String, { description: 'Location, e.g. P100-RM' })
  location!: string;

  @Field(() => String, { nullable: true })
  lot?: string;

  @Field(() => StockStatus)
  stockStatus!: StockStatus;

  @Field(() => QuantityModel)
  quantity!: QuantityModel;
}

@ObjectType('InventoryPosition', { description: "One item's stock at one plant, by status." })
export class InventoryPositionModel {
  @Field(() => String)
  plant!: string;

  @Field(() => String)
  item!: string;

  @Field(() => QuantityModel)
  unrestricted!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Held by open reservations' })
  reserved!: QuantityModel;

  @Field(() => QuantityModel, { description: 'unrestricted − reserved, never below zero' })
  availableToPromise!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Quality hold: in inspection, not usable yet' })
  qualityInspection!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Blocked stock' })
  blocked!: QuantityModel;

  @Field(() => QuantityModel, { description: 'Shipped from another plant to this one, not yet received' })
  inTransit!: QuantityModel;

  @Field(() => [StockBalanceModel], { description: 'Every balance by location, lot and status' })
  balances!: StockBalanceModel[];
}
