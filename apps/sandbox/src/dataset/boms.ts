import type { BillOfMaterials, BomComponent, UnitCode } from './demo-dataset.types';

function c(
  item: string,
  quantityPer: string,
  unit: UnitCode = 'EA',
  scrapFactor = '0',
): BomComponent {
  return { item, quantityPer, unit, scrapFactor };
}

/**
 * Multi-level structures (ACT-2200 → SA-2201 → SA-2206 → ALU-6061-BAR; GBX-4100 → SA-4101 →
 * SA-4104 → STL-42CRMO4-BAR) with revision histories. ACT-2300 has a draft revision only,
 * so releasing an order for it must fail with "no released revision".
 */
export const BOMS: BillOfMaterials[] = [
  {
    item: 'ACT-2200',
    plants: ['P100', 'P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'obsolete',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-12-31',
        components: [
          c('SA-2201', '1'),
          c('SA-2202', '1'),
          c('SA-2203', '1'),
          c('BRKT-1042', '2'),
          c('SCR-M6X20', '8', 'EA', '0.02'),
          c('NUT-M6', '8', 'EA', '0.02'),
          c('PKG-CTN-M', '1'),
        ],
      },
      {
        // Rev B: washers added, nuts dropped (threaded housing), grease dosed in grams.
        revision: 'B',
        status: 'released',
        effectiveFrom: '2026-01-01',
        components: [
          c('SA-2201', '1'),
          c('SA-2202', '1'),
          c('SA-2203', '1'),
          c('BRKT-1042', '2'),
          c('SCR-M6X20', '8', 'EA', '0.02'),
          c('WSH-M6', '8', 'EA', '0.02'),
          c('GRS-LI2', '15', 'G', '0.05'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
      {
        revision: 'C',
        status: 'draft',
        effectiveFrom: '2027-03-01',
        components: [
          c('SA-2201', '1'),
          c('SA-2202', '1'),
          c('SA-2203', '1'),
          c('BRKT-1042', '2'),
          c('SCR-M6X20', '6', 'EA', '0.02'),
          c('WSH-M6', '6', 'EA', '0.02'),
          c('GRS-LI2', '12', 'G', '0.05'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'ACT-2250',
    plants: ['P100'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2026-04-01',
        components: [
          c('SA-2201', '1'),
          c('SA-2202', '2'),
          c('SA-2203', '1'),
          c('BRKT-1042', '4'),
          c('SCR-M8X30', '6', 'EA', '0.02'),
          c('GRS-LI2', '25', 'G', '0.05'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'ACT-2300',
    plants: ['P100'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'draft',
        effectiveFrom: '2027-01-01',
        components: [
          c('SA-2201', '1'),
          c('SA-2202', '1'),
          c('SA-2203', '1'),
          c('SA-2204', '1'),
          c('BRKT-1042', '2'),
          c('SCR-M6X20', '8', 'EA', '0.02'),
          c('CBL-M12-5P', '0.8', 'M', '0.03'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'SA-2201',
    plants: ['P100', 'P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [
          c('MTR-24V-200', '1'),
          c('SA-2206', '1'),
          c('SCR-M4X10', '4', 'EA', '0.03'),
          c('BRG-6204', '1'),
        ],
      },
    ],
  },
  {
    item: 'SA-2202',
    plants: ['P100', 'P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'obsolete',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2026-05-31',
        components: [c('SPN-TR16', '1'), c('NUTB-TR16', '1'), c('BRG-6204', '1')],
      },
      {
        // Rev B: a second bearing at the free end of the screw (field returns, 2026).
        revision: 'B',
        status: 'released',
        effectiveFrom: '2026-06-01',
        components: [
          c('SPN-TR16', '1'),
          c('NUTB-TR16', '1'),
          c('BRG-6204', '2'),
          c('GRS-LI2', '5', 'G', '0.05'),
        ],
      },
    ],
  },
  {
    item: 'SA-2203',
    plants: ['P100', 'P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('ALU-6061-TUBE', '420', 'MM', '0.04'), c('SEAL-2535', '1')],
      },
    ],
  },
  {
    item: 'SA-2204',
    plants: ['P100'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2026-09-01',
        components: [
          c('PCB-ACT-CTRL', '1', 'EA', '0.01'),
          c('ENC-INC-500', '1'),
          c('CONN-M12', '1'),
        ],
      },
    ],
  },
  {
    item: 'SA-2206',
    plants: ['P100', 'P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('ALU-6061-BAR', '65', 'MM', '0.05')],
      },
    ],
  },
  {
    item: 'PMP-3100',
    plants: ['P100', 'P200'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'obsolete',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-12-31',
        components: [
          c('SA-3101', '1'),
          c('SA-3102', '1'),
          c('SA-3103', '1'),
          c('GSK-3100', '1'),
          c('SCR-M6X20', '6', 'EA', '0.02'),
          c('PKG-CTN-M', '1'),
        ],
      },
      {
        // Rev B: gasket replaced by two O-rings.
        revision: 'B',
        status: 'released',
        effectiveFrom: '2026-01-01',
        components: [
          c('SA-3101', '1'),
          c('SA-3102', '1'),
          c('SA-3103', '1'),
          c('ORING-4022', '2', 'EA', '0.05'),
          c('SCR-M6X20', '6', 'EA', '0.02'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'PMP-3150',
    plants: ['P200'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2026-03-01',
        components: [
          c('SA-3101', '1'),
          c('SA-3102', '2'),
          c('SA-3103', '1'),
          c('ORING-4022', '3', 'EA', '0.05'),
          c('SCR-M8X30', '6', 'EA', '0.02'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'SA-3101',
    plants: ['P100', 'P200'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [
          c('MTR-400V-750', '1'),
          c('BRKT-1043', '1'),
          c('SCR-M8X30', '4', 'EA', '0.02'),
        ],
      },
    ],
  },
  {
    item: 'SA-3102',
    plants: ['P100', 'P200'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('IMP-3100', '1', 'EA', '0.01'), c('BRG-6205', '1'), c('SEAL-2535', '1')],
      },
    ],
  },
  {
    item: 'SA-3103',
    plants: ['P200'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'obsolete',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2026-02-28',
        components: [c('STL-S355-5MM', '2.9', 'KG', '0.08'), c('WLD-G3SI1', '60', 'G', '0.1')],
      },
      {
        revision: 'B',
        status: 'released',
        effectiveFrom: '2026-03-01',
        components: [
          c('STL-S355-5MM', '2.4', 'KG', '0.08'),
          c('STL-S235-2MM', '0.9', 'KG', '0.08'),
          c('WLD-G3SI1', '45', 'G', '0.1'),
          c('PWD-RAL7035', '120', 'G', '0.15'),
        ],
      },
    ],
  },
  {
    item: 'GBX-4100',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'obsolete',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-12-31',
        components: [
          c('SA-4101', '1'),
          c('SA-4102', '1'),
          c('SA-4103', '1'),
          c('BRG-6205', '2'),
          c('SEAL-2535', '1'),
          c('OIL-ISO68', '0.4', 'L', '0.05'),
          c('SCR-M8X30', '6', 'EA', '0.02'),
        ],
      },
      {
        revision: 'B',
        status: 'released',
        effectiveFrom: '2026-01-01',
        components: [
          c('SA-4101', '1'),
          c('SA-4102', '1'),
          c('SA-4103', '1'),
          c('BRG-6205', '2'),
          c('SEAL-2535', '1'),
          c('OIL-ISO68', '0.35', 'L', '0.05'),
          c('SCR-M8X30', '6', 'EA', '0.02'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
      {
        revision: 'C',
        status: 'draft',
        effectiveFrom: '2027-01-01',
        components: [
          c('SA-4101', '1'),
          c('SA-4102', '1'),
          c('SA-4103', '1'),
          c('BRG-6205', '2'),
          c('SEAL-2535', '2'),
          c('OIL-ISO68', '0.3', 'L', '0.05'),
          c('SCR-M8X30', '6', 'EA', '0.02'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'GBX-4200',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2026-02-01',
        components: [
          c('SA-4101', '2'),
          c('SA-4102', '1'),
          c('SA-4103', '1'),
          c('BRG-6205', '2'),
          c('SEAL-2535', '1'),
          c('OIL-ISO68', '0.55', 'L', '0.05'),
          c('SCR-M8X30', '8', 'EA', '0.02'),
          c('LBL-RATING', '1'),
          c('PKG-CTN-M', '1'),
        ],
      },
    ],
  },
  {
    item: 'SA-4101',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [
          c('SA-4104', '1'),
          c('GEAR-SUN-10', '1'),
          c('GEAR-PLN-10', '3', 'EA', '0.01'),
          c('GEAR-RING-10', '1'),
          c('BRG-6002', '3'),
        ],
      },
    ],
  },
  {
    item: 'SA-4102',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('CAST-GBX-H', '1', 'EA', '0.03'), c('PWD-RAL7035', '90', 'G', '0.15')],
      },
    ],
  },
  {
    item: 'SA-4103',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('STL-42CRMO4-BAR', '180', 'MM', '0.05')],
      },
    ],
  },
  {
    item: 'SA-4104',
    plants: ['P300'],
    baseQuantity: '1',
    revisions: [
      {
        revision: 'A',
        status: 'released',
        effectiveFrom: '2025-01-01',
        components: [c('STL-42CRMO4-BAR', '45', 'MM', '0.05')],
      },
    ],
  },
];
