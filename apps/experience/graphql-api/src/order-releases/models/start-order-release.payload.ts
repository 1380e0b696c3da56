import { Field, ObjectType } from '@nestjs/graphql';
import { OrderReleaseModel } from './order-release.model';

@ObjectType('StartOrderReleasePayload')
export class StartOrderReleasePayload {
  @Field(() => String, { description: 'Echoed from the arguments' })
  clientMutationId!: string;

  @Field(() => OrderReleaseModel, { description: 'The release as started; follow it with orderRelease(id) or orderReleaseProgress(id)' })
  orderRelease!: OrderReleaseModel;
}
