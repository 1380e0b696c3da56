import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Viewer', { description: 'Who the credential of this request belongs to.' })
export class ViewerModel {
  @Field(() => ID, { description: 'API key id, or jwt:<sub> for a portal user' })
  id!: string;

  @Field(() => [String], { description: 'admin, planner, service, mes:<plant>, supplier:<id>' })
  scopes!: string[];

  @Field(() => [String], { description: 'The suppliers this caller acts for' })
  supplierIds!: string[];
}
