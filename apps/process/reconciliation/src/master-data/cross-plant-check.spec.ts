import type { Item } from '@plantsync/canonical';
import { checkAcrossPlants } from './cross-plant-check';

const item = (code: string, baseUnit = 'EA', lotControlled = false): Item => ({ code, name: code, baseUnit, type: 'purchased', lotControlled, plants: [] });
const masters = (byPlant: Record<string, Item[]>) => new Map(Object.entries(byPlant).map(([plant, items]) => [plant, new Map(items.map((i) => [i.code, i]))]));

describe('the same item in several plants\' ERPs', () => {
  it('finds nothing when the plants agree, and ignores items only one plant holds', () => {
    const result = checkAcrossPlants(masters({ P100: [item('A'), item('B', 'KG', true)], P200: [item('A'), item('B', 'KG', true)], P300: [item('C', 'L')] }), new Set(['P100', 'P200', 'P300']));
    expect(result).toEqual({ differences: [], sharedItems: 2 });
  });

  it('records a base unit difference for each plant involved, naming both plants and values', () => {
    const { differences } = checkAcrossPlants(masters({ P100: [item('A', 'KG')], P200: [item('A')], P300: [item('A')] }), new Set(['P100', 'P200', 'P300']));
    expect(differences.map((d) => [d.plant, d.kind, d.item, d.unit])).toEqual([
      ['P100', 'master_data_mismatch', 'A', 'KG'],
      ['P200', 'master_data_mismatch', 'A', 'EA'],
      ['P300', 'master_data_mismatch', 'A', 'EA'],
    ]);
    expect(differences[0].explanation).toBe("A is in base unit KG at P100 but in base unit EA at P200, in base unit EA at P300 (the plants' ERP item masters disagree on its base unit)");
    expect(differences[1].explanation).toBe("A is in base unit EA at P200 but in base unit KG at P100 (the plants' ERP item masters disagree on its base unit)");
    expect(differences[0].detail).toMatchObject({ attribute: 'baseUnit', values: { P100: 'KG', P200: 'EA', P300: 'EA' }, forDataSteward: true });
  });

  it('records a lot control difference, and only for the plants a one-plant run covers', () => {
    const { differences } = checkAcrossPlants(masters({ P100: [item('A', 'EA', true)], P200: [item('A')] }), new Set(['P200']));
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ plant: 'P200', kind: 'master_data_mismatch', explanation: "A is not lot-controlled at P200 but lot-controlled at P100 (the plants' ERP item masters disagree on its lot control)" });
    expect(differences[0].detail).toMatchObject({ attribute: 'lotControlled', values: { P100: true, P200: false } });
  });
});
