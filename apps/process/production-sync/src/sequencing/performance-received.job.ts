import { defineJob, eventQueueName, EventTypes, type JobPayload } from '@plantsync/messaging';
import { SUBSCRIBER } from '../config/production-sync.tokens';

/** The delivery of a ProductionPerformanceReceived event to production-sync (job name = event type). */
export const PerformanceReceivedDelivery = defineJob<JobPayload>(eventQueueName(SUBSCRIBER), EventTypes.ProductionPerformanceReceived);
