import { Field, ObjectType } from '@nestjs/graphql';
import { AdvanceShipNoticeModel } from './advance-ship-notice.model';

@ObjectType('SubmitAdvanceShipNoticePayload')
export class SubmitAdvanceShipNoticePayload {
  @Field(() => String, { description: 'Echoed from the input' })
  clientMutationId!: string;

  @Field(() => AdvanceShipNoticeModel)
  advanceShipNotice!: AdvanceShipNoticeModel;
}
