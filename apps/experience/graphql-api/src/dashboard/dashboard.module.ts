import { Module } from '@nestjs/common';
import { DeadLetterActionsResolver, DeadLettersResolver } from './dead-letters/dead-letters.resolver';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { ReconciliationExceptionSource, ReleaseExceptionSource, SequenceGapExceptionSource, TransferExceptionSource } from './exceptions/exception-sources';
import { OperationalExceptionsResolver } from './exceptions/operational-exceptions.resolver';
import { OperationalExceptionsService } from './exceptions/operational-exceptions.service';
import { SyncHealthResolver } from './sync-health/sync-health.resolver';
import { SyncHealthWatcher } from './sync-health/sync-health.watcher';

/** The integration dashboard (planner, admin): sync health, exceptions, dead letters. */
@Module({
  providers: [
    SyncHealthResolver,
    SyncHealthWatcher,
    OperationalExceptionsResolver,
    OperationalExceptionsService,
    ReleaseExceptionSource,
    TransferExceptionSource,
    ReconciliationExceptionSource,
    SequenceGapExceptionSource,
    DeadLettersResolver,
    DeadLetterActionsResolver,
    DeadLettersService,
  ],
})
export class DashboardModule {}
