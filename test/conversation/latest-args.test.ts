import assert from 'node:assert/strict';
import { parseLatestArgs } from '../../src/conversation/latest-args';
import { schoolsNamed } from '../../src/domain/latest-query';
import type { RegisteredPlace } from '../../src/domain/places/place-register';

const ME = 'aad-me';
const place = (id: string, name: string, kind: RegisteredPlace['kind'] = 'annat', parentId: string | null = null): RegisteredPlace => ({
  id, name, kind, parentId, aliases: [], lat: null, lon: null, createdAt: new Date('2026-11-01T00:00:00Z'),
});

describe('what follows "senaste"', () => {
  it('reads the filters in Swedish and English, in any order, the school name being the rest of the line', () => {
    const table: [string, ReturnType<typeof parseLatestArgs>][] = [
      ['', { open: false, involving: null, school: null }],
      ['rapporter', { open: false, involving: null, school: null }],
      ['öppna', { open: true, involving: null, school: null }],
      ['Oppna', { open: true, involving: null, school: null }],
      ['open', { open: true, involving: null, school: null }],
      ['mina', { open: false, involving: ME, school: null }],
      ['mine', { open: false, involving: ME, school: null }],
      ['mina öppna', { open: true, involving: ME, school: null }],
      ['skola Ängsskolan', { open: false, involving: null, school: 'Ängsskolan' }],
      ['öppna skola Kvarnbackens förskola', { open: true, involving: null, school: 'Kvarnbackens förskola' }],
      ['school Ängsskolan', { open: false, involving: null, school: 'Ängsskolan' }],
    ];
    for (const [args, query] of table) assert.deepEqual(parseLatestArgs(args, ME), query, args);
  });

  it('understands nothing it does not know, and no school without a name', () => {
    for (const args of ['gamla', 'skola', 'öppna igår', `skola ${'x'.repeat(81)}`]) assert.equal(parseLatestArgs(args, ME), null, args);
  });
});

describe('which schools a typed name means', () => {
  const register = [
    place('angs', 'Ängsskolan', 'skola'), place('gard', 'Skolgården', 'annat', 'angs'), place('kvarn', 'Kvarnbackaskolan'),
    place('torg', 'Stora torget', 'torg'), place('park', 'Ängsparken', 'park'),
  ];

  it('finds school places by part of the name, case and å/ä/ö ignored, with the places inside them, and school names as stored', () => {
    assert.deepEqual(schoolsNamed('ängsskolan', register, ['Ängsskolan', 'Björkskolan']), { placeIds: ['angs', 'gard'], names: ['Ängsskolan'] });
    assert.deepEqual(schoolsNamed('angs', register, []), { placeIds: ['angs', 'gard'], names: ['Ängsskolan'] }, 'not Ängsparken: a park is no school');
    assert.deepEqual(schoolsNamed('Kvarnbacka', register, []), { placeIds: ['kvarn'], names: ['Kvarnbackaskolan'] }, 'a school by its name, whatever its kind');
    assert.deepEqual(schoolsNamed('björkskolan', register, ['Björkskolan']), { placeIds: [], names: ['Björkskolan'] });
    assert.deepEqual(schoolsNamed('Ängskolan', register, []), { placeIds: ['angs', 'gard'], names: ['Ängsskolan'] }, 'one letter missing');
    assert.deepEqual(schoolsNamed('torget', register, []), { placeIds: [], names: [] });
  });
});
