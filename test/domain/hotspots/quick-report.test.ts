import assert from 'node:assert/strict';
import { canMoveHotspot, nextHotspotState } from '../../../src/domain/hotspots/hotspot';
import { parseQuickReport } from '../../../src/domain/hotspots/quick-report';
import { newPlaceName, placeKindOf } from '../../../src/domain/places/new-place';
import { matchPlace } from '../../../src/domain/places/place-matcher';
import type { RegisteredPlace } from '../../../src/domain/places/place-register';
import { editDistance } from '../../../src/domain/places/text-distance';

const at = new Date('2026-11-01T00:00:00Z');
const place = (id: string, name: string, aliases: string[] = []): RegisteredPlace => ({ id, name, aliases, kind: 'annat', lat: null, lon: null, parentId: null, createdAt: at });
const REGISTER = [
  place('torg', 'Stora torget', ['torget']), place('angs', 'Ängsskolan'), place('park', 'Norra parken'), place('sodra', 'Södra parken'),
  place('stn', 'Resecentrum'),
];
/** Monday 30 November 2026, 10:00 in Stockholm. */
const NOW = new Date('2026-11-30T09:00:00Z');
const parse = (args: string, register: readonly RegisteredPlace[]) => parseQuickReport(args, register, NOW, 'Europe/Stockholm');
const sure = (typed: string, register = REGISTER) => {
  const m = matchPlace(typed, register);
  return m.kind === 'sure' ? m.place.id : null;
};

describe('place matching', () => {
  it('counts a swapped pair of letters as one edit', () => {
    assert.equal(editDistance('torget', 'torgte'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('ignores case and å/ä/ö, forgives a small typo and finds aliases', () => {
    assert.equal(sure('STORA TORGET'), 'torg');
    assert.equal(sure('angsskolan'), 'angs');
    assert.equal(sure('Ängskolan'), 'angs');
    assert.equal(sure('torget'), 'torg');
    assert.equal(sure('resecentrm'), 'stn');
  });

  it('finds "torget" in "Stora torget" when there is no alias, but asks when two places fit', () => {
    assert.equal(sure('torget', [place('torg', 'Stora torget')]), 'torg');
    const both = matchPlace('parken', REGISTER);
    assert.equal(both.kind, 'choose');
    assert.deepEqual(both.kind === 'choose' && both.candidates.map((c) => c.place.id).sort(), ['park', 'sodra']);
  });

  it('never guesses an unknown place', () => {
    const none = matchPlace('Kvarnbacken', REGISTER);
    assert.equal(none.kind, 'choose');
    assert.equal(sure('Kvarnbacken'), null);
    assert.equal(sure('anything', []), null);
  });
});

describe('hotspot command parsing', () => {
  it('splits place, category and description', () => {
    const parsed = parse('torget skadegörelse krossad ruta vid busskuren', REGISTER);
    assert.ok(parsed.ok);
    assert.equal(parsed.place.kind === 'sure' && parsed.place.place.id, 'torg');
    assert.equal(parsed.category, 'skadegorelse_ovrigt');
    assert.equal(parsed.description, 'krossad ruta vid busskuren');
  });

  it('takes multi-word places, two-word categories and typos in the category', () => {
    const parsed = parse('Stora Torget krossad ruta vid kiosken', REGISTER);
    assert.ok(parsed.ok && parsed.place.kind === 'sure');
    assert.equal(parsed.category, 'skadegorelse_glaskross');
    assert.equal(parsed.description, 'vid kiosken');
    const typo = parse('norra parken klottter på bänken', REGISTER);
    assert.ok(typo.ok);
    assert.equal(typo.category, 'skadegorelse_klotter');
  });

  it('leaves the category to the user when none is named', () => {
    const parsed = parse('Ängsskolan stökigt på rasten', REGISTER);
    assert.ok(parsed.ok);
    assert.equal(parsed.category, null);
    assert.equal(parsed.description, 'stökigt på rasten');
  });

  it('takes an unknown place up to the category word', () => {
    const parsed = parse('Gamla bruket klotter på väggen', REGISTER);
    assert.ok(parsed.ok);
    assert.equal(parsed.typedPlace, 'Gamla bruket');
    assert.equal(parsed.place.kind, 'choose');
    assert.equal(parsed.category, 'skadegorelse_klotter');
  });

  it('reads when it happened wherever it stands after the place, and leaves it out of the description', () => {
    const lastNight = parse('torget krossad ruta i natt', REGISTER);
    assert.ok(lastNight.ok && lastNight.place.kind === 'sure');
    assert.equal(lastNight.category, 'skadegorelse_glaskross');
    assert.equal(lastNight.description, '');
    assert.equal(lastNight.occurredAt?.toISOString(), '2026-11-30T00:00:00.000Z', '01:00 Stockholm time');
    const first = parse('Gamla bruket igår 22 klotter på väggen', REGISTER);
    assert.ok(first.ok);
    assert.equal(first.typedPlace, 'Gamla bruket');
    assert.equal(first.category, 'skadegorelse_klotter');
    assert.equal(first.description, 'på väggen');
    assert.equal(first.occurredAt?.toISOString(), '2026-11-29T21:00:00.000Z');
    const none = parse('torget klotter', REGISTER);
    assert.equal(none.ok && none.occurredAt, null);
  });

  it('takes no "vid" or "at" for part of a place', () => {
    const parsed = parse('vid Stora torget sprayat', REGISTER);
    assert.ok(parsed.ok && parsed.place.kind === 'sure');
    assert.equal(parsed.typedPlace, 'Stora torget');
    assert.equal(parsed.category, 'skadegorelse_klotter');
  });

  it('refuses no place and a place name far too long', () => {
    assert.deepEqual(parse('   ', REGISTER), { ok: false, problem: 'no_place' });
    assert.deepEqual(parse('x'.repeat(500), REGISTER), { ok: false, problem: 'place_too_long' });
  });
});

describe('new places from a one-line report', () => {
  it('get a tidy name: first letter capital, å/ä/ö kept, no leading "vid"', () => {
    for (const [typed, name] of [
      ['stationen', 'Stationen'], ['vid stationen', 'Stationen'], ['  ängsskolan ', 'Ängsskolan'], ['utanför  östra skolan', 'Östra skolan'],
      ['at the square', 'Square'], ['Gamla bruket', 'Gamla bruket'], ['vid', 'Vid'],
    ] as const) assert.equal(newPlaceName(typed), name, typed);
  });

  it('get the kind their name suggests', () => {
    for (const [name, kind] of [
      ['Ängsskolan', 'skola'], ['Kvarnbackens förskola', 'skola'], ['Kungsörs gymnasium', 'skola'], ['Resecentrum', 'station'],
      ['Stationen', 'station'], ['Stortorget', 'torg'], ['Stora torget', 'torg'], ['Stadsparken', 'park'], ['Centrum', 'centrum'],
      ['Gamla bruket', 'annat'], ['Kiosken', 'annat'],
    ] as const) assert.equal(placeKindOf(name), kind, name);
  });
});

describe('hot spot states', () => {
  it('moves forward one step at a time; a closed one starts again from kartläggs', () => {
    assert.equal(nextHotspotState('kartlaggs'), 'analyseras');
    assert.equal(nextHotspotState('foljs_upp'), 'avslutad');
    assert.equal(nextHotspotState('avslutad'), null);
    assert.ok(canMoveHotspot('analyseras', 'atgardas'));
    assert.ok(!canMoveHotspot('kartlaggs', 'atgardas'));
    assert.ok(!canMoveHotspot('atgardas', 'analyseras'));
    assert.ok(canMoveHotspot('avslutad', 'kartlaggs'));
  });
});
