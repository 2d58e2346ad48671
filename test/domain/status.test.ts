import assert from 'node:assert/strict';
import { canMoveStatus, nextStatus, previousStatus } from '../../src/domain/status';
import { formatReference } from '../../src/domain/report';
import { placeKey } from '../../src/domain/place';
import { format } from '../../src/i18n/messages';

describe('report status', () => {
  it('moves one step at a time, forward or back', () => {
    assert.equal(canMoveStatus('ny', 'hanteras'), true);
    assert.equal(canMoveStatus('hanteras', 'atgardad'), true);
    assert.equal(canMoveStatus('atgardad', 'hanteras'), true);
    assert.equal(canMoveStatus('ny', 'atgardad'), false);
    assert.equal(canMoveStatus('ny', 'ny'), false);
    assert.equal(nextStatus('atgardad'), null);
    assert.equal(previousStatus('ny'), null);
  });
});

describe('reference numbers and place keys', () => {
  it('formats references as H-2026-0042 and A-2026-0007', () => {
    assert.equal(formatReference('incident', 2026, 42), 'H-2026-0042');
    assert.equal(formatReference('activity', 2026, 7), 'A-2026-0007');
    assert.equal(formatReference('incident', 2027, 12345), 'H-2027-12345');
  });

  it('gives the same key to names a person would call the same place', () => {
    assert.equal(placeKey('Stora  Torget!'), placeKey('stora torget'));
    assert.equal(placeKey('Kungsörs Östra skola'), 'kungsors ostra skola');
    assert.notEqual(placeKey('Torget'), placeKey('Stora torget'));
  });
});

describe('message formatting', () => {
  it('fills placeholders and picks singular or plural by the number', () => {
    assert.equal(format('{n} {n|händelse|händelser} vid {place}', { n: 1, place: 'torget' }), '1 händelse vid torget');
    assert.equal(format('{n} {n|händelse|händelser}', { n: 0 }), '0 händelser');
    assert.equal(format('{n} {n|händelse|händelser}', { n: '12' }), '12 händelser');
    assert.equal(format('{missing}', {}), '{missing}');
  });
});
