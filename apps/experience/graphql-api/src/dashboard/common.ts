import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The process APIs the dashboard reads. */
export enum DashboardSource {
  ORDER_RELEASE = 'order-release',
  INVENTORY_TRANSFER = 'inventory-transfer',
  PRODUCTION_SYNC = 'production-sync',
  RECONCILIATION = 'reconciliation',
}
registerEnumType(DashboardSource, { name: 'DashboardSource', description: 'A process API the dashboard reads from.' });

/**
 * A source that did not answer. Dashboards are read exactly when something is broken, so one
 * process API being down must not blank the whole answer: the others are shown and this says
 * what is missing. (When every source fails the field fails with UPSTREAM_UNAVAILABLE.)
 */
@ObjectType('UnavailableSource')
export class UnavailableSourceModel {
  @Field(() => DashboardSource)
  source!: DashboardSource;

  @Field(() => String, { description: 'Always UPSTREAM_UNAVAILABLE today; the same code an error would carry' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Boolean)
  retryable!: boolean;
}
