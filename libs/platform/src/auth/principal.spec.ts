import { Principal } from './principal';

describe('Principal', () => {
  const admin = new Principal('ops-admin', ['admin']);
  const planner = new Principal('planner-detroit', ['planner']);
  const mes = new Principal('mes-p100', ['mes:P100']);
  const supplier = new Principal('supplier-1001', ['supplier:SUP-1001']);

  it('knows roles and kinds', () => {
    expect(admin.isAdmin()).toBe(true);
    expect(planner.hasRole('planner')).toBe(true);
    expect(planner.isAdmin()).toBe(false);
    expect([...mes.kinds()]).toEqual(['mes']);
    expect([...supplier.kinds()]).toEqual(['supplier']);
    expect(mes.mesPlants()).toEqual(['P100']);
    expect(supplier.supplierIds()).toEqual(['SUP-1001']);
  });

  it('scopes plants', () => {
    expect(admin.canActForPlant('P300')).toBe(true);
    expect(planner.canActForPlant('P300')).toBe(true);
    expect(new Principal('svc', ['service']).canActForPlant('P200')).toBe(true);
    expect(mes.canActForPlant('P100')).toBe(true);
    expect(mes.canActForPlant('P200')).toBe(false);
    expect(mes.canActForPlant('p100')).toBe(false);
    expect(supplier.canActForPlant('P100')).toBe(false);
  });

  it('scopes suppliers', () => {
    expect(supplier.canSeeSupplier('SUP-1001')).toBe(true);
    expect(supplier.canSeeSupplier('SUP-1002')).toBe(false);
    expect(planner.canSeeSupplier('SUP-1002')).toBe(true);
    expect(mes.canSeeSupplier('SUP-1001')).toBe(false);
  });
});
