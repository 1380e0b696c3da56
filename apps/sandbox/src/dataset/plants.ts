import type { Plant } from './demo-dataset.types';

function locations(plant: string): Plant['locations'] {
  return [
    { code: `${plant}-RM`, name: 'Raw materials store', kind: 'raw_materials' },
    { code: `${plant}-LINE1`, name: 'Line 1 line side', kind: 'line_side' },
    { code: `${plant}-LINE2`, name: 'Line 2 line side', kind: 'line_side' },
    { code: `${plant}-FG`, name: 'Finished goods warehouse', kind: 'finished_goods' },
    { code: `${plant}-QI`, name: 'Quality inspection', kind: 'quality_inspection' },
    { code: `${plant}-TRANSIT`, name: 'Goods in transit', kind: 'transit' },
  ];
}

export const PLANTS: Plant[] = [
  {
    code: 'P100',
    name: 'Detroit Assembly',
    city: 'Detroit',
    country: 'US',
    timezone: 'America/Detroit',
    region: 'NA',
    currency: 'USD',
    locations: locations('P100'),
    workCenters: [
      {
        code: 'P100-WC-MACH',
        name: 'CNC machining cell',
        capacityHoursPerDay: '16',
        supplyLocation: 'P100-LINE1',
      },
      {
        code: 'P100-WC-ASSY1',
        name: 'Actuator assembly line 1',
        capacityHoursPerDay: '16',
        supplyLocation: 'P100-LINE1',
      },
      {
        code: 'P100-WC-ASSY2',
        name: 'Pump assembly line 2',
        capacityHoursPerDay: '8',
        supplyLocation: 'P100-LINE2',
      },
      {
        code: 'P100-WC-TEST',
        name: 'End-of-line test bench',
        capacityHoursPerDay: '16',
        supplyLocation: 'P100-LINE2',
      },
    ],
  },
  {
    code: 'P200',
    name: 'Monterrey Components',
    city: 'Monterrey',
    country: 'MX',
    timezone: 'America/Monterrey',
    region: 'NA',
    currency: 'USD',
    locations: locations('P200'),
    workCenters: [
      {
        code: 'P200-WC-STAMP',
        name: 'Stamping press line',
        capacityHoursPerDay: '24',
        supplyLocation: 'P200-LINE1',
      },
      {
        code: 'P200-WC-WELD',
        name: 'Robotic welding cell',
        capacityHoursPerDay: '16',
        supplyLocation: 'P200-LINE1',
      },
      {
        code: 'P200-WC-ASSY1',
        name: 'Motor and pump assembly',
        capacityHoursPerDay: '16',
        supplyLocation: 'P200-LINE2',
      },
    ],
  },
  {
    code: 'P300',
    name: 'Wrocław Drives',
    city: 'Wrocław',
    country: 'PL',
    timezone: 'Europe/Warsaw',
    region: 'EU',
    currency: 'EUR',
    locations: locations('P300'),
    workCenters: [
      {
        code: 'P300-WC-MACH',
        name: 'Machining centre',
        capacityHoursPerDay: '16',
        supplyLocation: 'P300-LINE1',
      },
      {
        code: 'P300-WC-ASSY1',
        name: 'Gearbox assembly',
        capacityHoursPerDay: '16',
        supplyLocation: 'P300-LINE1',
      },
      {
        code: 'P300-WC-PAINT',
        name: 'Powder coating line',
        capacityHoursPerDay: '8',
        supplyLocation: 'P300-LINE2',
      },
    ],
  },
];
