import { Field, ObjectType } from '@nestjs/graphql';

/**
 * Relay-style forward pagination: pass `pageInfo.endCursor` as `after` to get the next page.
 * A page can be shorter than `first` (filters applied here, see docs/graphql.md); only
 * `hasNextPage: false` means the end.
 */
@ObjectType('PageInfo')
export class PageInfoModel {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
