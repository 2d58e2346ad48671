import assert from 'node:assert/strict';
import { schoolChoices, schoolFilterOf } from '../../../src/domain/tab/school-filter';

// What the tab's school filter offers and what a link's `school` means, given the tenant's register.

const register = [{ id: '5b3f1c1e-0000-4000-8000-000000000001', name: 'Kung Karls skola' }, { id: '5b3f1c1e-0000-4000-8000-000000000002', name: 'Ängsskolan' }];

describe('the tab\'s school filter', () => {
  it('When a link names a register school by id or by any spelling of its name, then it filters by that school\'s id', () => {
    assert.deepEqual(schoolFilterOf(register[1]!.id, register), { id: register[1]!.id });
    assert.deepEqual(schoolFilterOf('kung-karls  SKOLA', register), { id: register[0]!.id });
  });

  it('When a link names a school the register does not know, then it filters by the free-text name', () => {
    assert.deepEqual(schoolFilterOf('Västerskolan', register), { name: 'Västerskolan' });
    assert.deepEqual(schoolFilterOf('Västerskolan', []), { name: 'Västerskolan' }, 'a tenant without a register filters by names only');
  });

  it('When old incidents name schools in free text, then only those the register does not hold are offered beside its schools', () => {
    assert.deepEqual(schoolChoices(register, ['kung karls skola', 'Västerskolan']), [
      { value: register[0]!.id, label: 'Kung Karls skola' },
      { value: register[1]!.id, label: 'Ängsskolan' },
      { value: 'Västerskolan', label: 'Västerskolan' },
    ]);
  });
});
