import { Quantity } from '../quantity/quantity';
import type { BillOfMaterials, BomStatus } from './bill-of-materials';
import { NoReleasedRevisionError } from './bom.errors';
import { selectEffectiveRevision } from './select-effective-revision';

function rev(revision: string, status: BomStatus, effectiveFrom: string, effectiveTo?: string): BillOfMaterials {
  return {
    id: revision,
    item: 'ACT-2200',
    revision,
    status,
    effectiveFrom,
    effectiveTo,
    baseQuantity: Quantity.of('1', 'EA'),
    components: [],
  };
}

const history = [
  rev('A', 'obsolete', '2025-01-01', '2026-01-01'),
  rev('B', 'released', '2026-01-01'),
  rev('C', 'draft', '2027-03-01'),
];

describe('selectEffectiveRevision', () => {
  it('picks the released revision effective on the day', () => {
    expect(selectEffectiveRevision(history, '2026-11-02').revision).toBe('B');
  });

  it('treats effectiveFrom as inclusive and effectiveTo as exclusive', () => {
    const handover = [rev('A', 'released', '2025-01-01', '2026-01-01'), rev('B', 'released', '2026-01-01')];
    expect(selectEffectiveRevision(handover, '2025-12-31').revision).toBe('A');
    expect(selectEffectiveRevision(handover, '2026-01-01').revision).toBe('B');
  });

  it('never uses draft or obsolete revisions, even when their dates match', () => {
    expect(() => selectEffectiveRevision(history, '2025-06-01')).toThrow(NoReleasedRevisionError);
    // Rev C is a draft; B stays in force after C's planned start.
    expect(selectEffectiveRevision(history, '2027-06-01').revision).toBe('B');
  });

  it('names the item and the date when nothing is released', () => {
    const draftsOnly = [{ ...rev('A', 'draft', '2027-01-01'), item: 'ACT-2300' }];
    expect(() => selectEffectiveRevision(draftsOnly, '2026-11-02')).toThrow(
      'item ACT-2300 has no released BOM revision effective on 2026-11-02',
    );
    expect(() => selectEffectiveRevision([], '2026-11-02', 'BRKT-1042')).toThrow(/BRKT-1042.*2026-11-02/);
  });

  it('prefers the latest effective revision when two released ones overlap', () => {
    const overlapping = [rev('B', 'released', '2026-01-01'), rev('C', 'released', '2026-06-01')];
    expect(selectEffectiveRevision(overlapping, '2026-11-02').revision).toBe('C');
  });
});
