import assert from 'node:assert/strict';
import { foldText, placeKey, tidyName } from '../../src/domain/place';
import { matchPlace } from '../../src/domain/places/place-matcher';
import type { RegisteredPlace } from '../../src/domain/places/place-register';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

// Place names are cleaned before they are matched and before they are stored: NFC, without zero-width
// and bidi control characters, so that "Tor\u200Bget" cannot be a second "Torget" next to the real one.

const place = (id: string, name: string, aliases: string[] = []): RegisteredPlace => ({
  id, name, createdAt: new Date(0), kind: 'torg', lat: null, lon: null, parentId: null, aliases,
});

describe('place names: normalised before matching and storing', () => {
  it('When a name holds a zero-width, joiner or bidi character, then its key and its stored form are those of the plain name', () => {
    for (const spoof of ['Tor\u200Bget', 'Tor\u200Cget', 'Tor\u200Dget', '\u202ETorget', 'Torget\u2066', 'Tor\u00ADget', '\uFEFFTorget']) {
      assert.equal(placeKey(spoof), 'torget', JSON.stringify(spoof));
      assert.equal(tidyName(spoof), 'Torget', JSON.stringify(spoof));
    }
  });

  it('When a name is decomposed or full-width, then it has the key of the usual spelling', () => {
    assert.equal(tidyName('Ga\u0308vle'), 'Gävle');
    assert.equal(tidyName('Ga\u0308vle'), 'Gävle'.normalize('NFC'));
    assert.equal(placeKey('\uFF34\uFF4F\uFF52\uFF47\uFF45\uFF54'), 'torget');
    assert.equal(foldText('ÅSA\u200B'), 'asa');
  });

  it('When a quick report names "Tor\u200Bget", then the matcher is sure it is Torget', () => {
    const match = matchPlace('Tor\u200Bget', [place('1', 'Torget'), place('2', 'Parken')]);
    assert.equal(match.kind, 'sure');
    assert.equal(match.kind === 'sure' && match.place.id, '1');
  });

  it('When "Tor\u200Bget" is typed as a new place, then the store finds the existing Torget instead of a look-alike', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const scope = { tenantId: 't1' };
      const torget = await store.places.findOrCreate(scope, 'Torget', new Date());
      const spoof = await store.places.findOrCreate(scope, 'Tor\u200Bget', new Date());
      assert.equal(spoof.id, torget.id);
      const bidi = await store.places.findOrCreate(scope, '\u202ENy plats\u202C', new Date());
      assert.equal(bidi.name, 'Ny plats');
    } finally {
      await store.close();
    }
  });
});
