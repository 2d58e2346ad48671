import assert from 'node:assert/strict';
import { RecentEntries } from '../../src/domain/recent-entries';

describe('what the bot remembers per user stays bounded', () => {
  it('when more users come than it keeps, then the one used longest ago is forgotten, and a busy one stays', () => {
    const seen = new RecentEntries<string, number>(3);
    seen.set('anna', 1);
    seen.set('bo', 2);
    seen.set('cecilia', 3);
    assert.equal(seen.get('anna'), 1); // Anna acts again: now Bo is the one seen longest ago
    seen.set('david', 4);
    assert.equal(seen.size, 3);
    assert.equal(seen.get('bo'), undefined);
    assert.deepEqual(['anna', 'cecilia', 'david'].map((u) => seen.get(u)), [1, 3, 4]);
  });

  it('when ten thousand users come, then it holds only its bound', () => {
    const seen = new RecentEntries<number, string>(100);
    for (let user = 0; user < 10_000; user++) seen.set(user, 'today');
    assert.equal(seen.size, 100);
    assert.equal(seen.get(9_999), 'today');
    assert.equal(seen.get(0), undefined);
  });
});
