import { JobCatalogue, JobCatalogueError } from './job-catalogue';
import { jobId } from './job-id';
import { PROCESS_JOB_CATALOGUE, ProcessJobs, ProcessQueue } from './process-jobs.catalogue';

const handler = (job: (typeof PROCESS_JOB_CATALOGUE)[number], name = `${job.name}-handler`) => ({ job, name, handler: name });

describe('JobCatalogue', () => {
  const catalogue = new JobCatalogue(PROCESS_JOB_CATALOGUE);
  const orderRelease = [ProcessQueue.OrderRelease];

  it('resolves one handler per declared job of the consumed queues', () => {
    const handlers = catalogue.jobs(orderRelease).map((j) => handler(j));
    const resolved = catalogue.resolve(handlers, orderRelease);
    expect([...resolved.keys()].sort()).toEqual([
      'order-release/cancel-reservation',
      'order-release/check-availability',
      'order-release/dispatch-work-orders',
      'order-release/expire-approval',
      'order-release/explode-bom',
      'order-release/load-production-order',
      'order-release/publish-released',
      'order-release/release-in-erp',
      'order-release/reserve-components',
      'order-release/resolve-shortages',
      'order-release/revert-erp-release',
      'order-release/select-bom-revision',
    ]);
  });

  it('fails naming every job without a handler or with two', () => {
    const handlers = [
      ...catalogue
        .jobs(orderRelease)
        .filter((j) => j !== ProcessJobs.ReserveComponents && j !== ProcessJobs.CancelReservation)
        .map((j) => handler(j)),
      handler(ProcessJobs.ReserveComponents, 'ReserveComponentsHandler'),
      handler(ProcessJobs.ReserveComponents, 'LegacyReserveHandler'),
    ];
    try {
      catalogue.resolve(handlers, orderRelease);
      throw new Error('expected a JobCatalogueError');
    } catch (e) {
      expect(e).toBeInstanceOf(JobCatalogueError);
      expect((e as JobCatalogueError).problems).toEqual([
        'job order-release/reserve-components has 2 handlers: ReserveComponentsHandler, LegacyReserveHandler',
        'job order-release/cancel-reservation has no handler',
      ]);
    }
  });

  it('fails on a handler for an undeclared job', () => {
    const small = new JobCatalogue([ProcessJobs.ShipTransfer]);
    expect(() => small.resolve([handler(ProcessJobs.ShipTransfer), handler(ProcessJobs.ReleaseInErp, 'Stray')])).toThrow(
      'Stray handles undeclared job order-release/release-in-erp',
    );
  });

  it('refuses a catalogue that declares a job twice', () => {
    expect(() => new JobCatalogue([ProcessJobs.ShipTransfer, ProcessJobs.ShipTransfer])).toThrow('declared twice');
  });
});

describe('jobId', () => {
  it('is <entity>-<step>', () => {
    expect(jobId('P100/PO-5000', 'reserve-components')).toBe('P100/PO-5000-reserve-components');
  });
  it("never contains ':' (BullMQ 6 rejects it) and is never an integer", () => {
    expect(jobId('order:P100:PO-5000', 'release in erp')).toBe('order_P100_PO-5000-release_in_erp');
    expect(jobId('42', '7')).toBe('42-7');
  });
  it('is deterministic', () => {
    expect(jobId('TR-300', 'ship')).toBe(jobId('TR-300', 'ship'));
  });
});
