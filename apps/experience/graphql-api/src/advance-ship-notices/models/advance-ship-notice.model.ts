import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuantityModel } from '../../common/quantity.model';

export enum AdvanceShipNoticeStatus {
  /** Announced: the plant expects it on the arrival date. */
  EXPECTED = 'expected',
  PARTIALLY_RECEIVED = 'partially_received',
  RECEIVED = 'received',
}
registerEnumType(AdvanceShipNoticeStatus, {
  name: 'AdvanceShipNoticeStatus',
  description: 'From the goods receipts the plant ERP posts on the purchase order lines since the notice was submitted.',
});

@ObjectType('AdvanceShipNoticeLine')
export class AdvanceShipNoticeLineModel {
  @Field(() => String)
  purchaseOrder!: string;

  @Field(() => Int)
  lineNumber!: number;

  @Field(() => String)
  item!: string;

  @Field(() => String, { nullable: true })
  lot?: string;

  @Field(() => QuantityModel)
  quantity!: QuantityModel;
}

@ObjectType('AdvanceShipNoticePackage')
export class AdvanceShipNoticePackageModel {
  @Field(() => String, { description: "The supplier's package id (an SSCC-18 where labelled)" })
  packageId!: string;

  @Field(() => [AdvanceShipNoticeLineModel])
  lines!: AdvanceShipNoticeLineModel[];
}

@ObjectType('AdvanceShipNotice', { description: 'A shipment announced by a supplier (the meaning of an X12 856): shipment → packages → lines.' })
export class AdvanceShipNoticeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  supplier!: string;

  @Field(() => String)
  plant!: string;

  @Field(() => String, { description: "The supplier's shipment number" })
  shipmentNumber!: string;

  @Field(() => String, { description: 'ISO 8601 date-time' })
  expectedArrival!: string;

  @Field(() => String, { nullable: true })
  carrier?: string;

  @Field(() => String, { nullable: true })
  trackingNumber?: string;

  @Field(() => [AdvanceShipNoticePackageModel])
  packages!: AdvanceShipNoticePackageModel[];

  @Field(() => String, { description: "The expected receipt at the plant's WMS, e.g. ER-P100-000001" })
  expectedReceipt!: string;

  @Field(() => AdvanceShipNoticeStatus)
  status!: AdvanceShipNoticeStatus;

  @Field(() => String)
  submittedAt!: string;
}
