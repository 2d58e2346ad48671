import assert from 'node:assert/strict';
import { categoryAt } from '../../src/domain/category-words';
import { categoryNamedIn } from '../../src/domain/hotspots/message-guess';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../src/domain/vocabulary';

const named = (phrase: string) => categoryAt(phrase.split(' '))?.category ?? null;

/** What people type first in a one-line report, Swedish and English → the category it means. */
const PHRASES: [typed: string, category: IncidentCategory][] = [
  ['krossad ruta vid busskuren', 'skadegorelse_glaskross'], ['krossat fönster', 'skadegorelse_glaskross'],
  ['Krossade fönster på skolan', 'skadegorelse_glaskross'], ['glaskross', 'skadegorelse_glaskross'], ['broken window', 'skadegorelse_glaskross'],
  ['sprayat på väggen', 'skadegorelse_klotter'], ['tag på busskuren', 'skadegorelse_klotter'], ['klotter', 'skadegorelse_klotter'],
  ['klottrat', 'skadegorelse_klotter'], ['graffiti', 'skadegorelse_klotter'], ['klottter', 'skadegorelse_klotter'],
  ['skadegörelse', 'skadegorelse_ovrigt'], ['vandalism', 'skadegorelse_ovrigt'],
  ['bråk utanför kiosken', 'ordningsstorning'], ['oväsen', 'ordningsstorning'], ['störning', 'ordningsstorning'], ['disorder', 'ordningsstorning'],
  ['slagsmål', 'hot_vald'], ['misshandel', 'hot_vald'], ['hot', 'hot_vald'], ['knivhot', 'hot_vald'], ['fight', 'hot_vald'], ['threat', 'hot_vald'],
  ['hot mot personal', 'incident_mot_anstalld'], ['mot anställd', 'incident_mot_anstalld'],
  ['snattat', 'stold_inbrott_ran'], ['snatteri i butiken', 'stold_inbrott_ran'], ['inbrott', 'stold_inbrott_ran'], ['rån', 'stold_inbrott_ran'],
  ['stolen bike', 'stold_inbrott_ran'], ['shoplifting', 'stold_inbrott_ran'],
  ['brand i soptunna', 'brand'], ['anlagd brand', 'brand'], ['containerbrand', 'brand'], ['fire', 'brand'],
  ['narkotika', 'narkotika'], ['langning', 'narkotika'], ['langare vid skolan', 'narkotika'], ['drugs', 'narkotika'],
  ['nedskräpning', 'nedskrapning'], ['litter', 'nedskrapning'],
  ['gäng', 'otrygg_samling'], ['grupp ungdomar', 'otrygg_samling'],
  ['trasig belysning', 'otrygg_plats'], ['mörkt', 'otrygg_plats'],
  ['mopeder', 'olovlig_trafik'], ['epa', 'olovlig_trafik'],
  ['evenemang', 'arrangemang'],
  ['mobbning', 'krankning_mobbning'], ['kränkning', 'krankning_mobbning'], ['bullying', 'krankning_mobbning'],
  ['övrigt', 'ovrigt'],
];

describe('category words', () => {
  it('reads common phrasings, Swedish and English, as the categories of the vocabulary', () => {
    for (const [typed, category] of PHRASES) assert.equal(named(typed), category, typed);
  });

  it('names every category of the vocabulary by at least one phrase of the table', () => {
    const covered = new Set(PHRASES.map(([, category]) => category));
    assert.deepEqual(INCIDENT_CATEGORIES.filter((c) => !covered.has(c)), []);
  });

  it('leaves words that name no category to the user, short words exactly typed', () => {
    for (const typed of ['stökigt på rasten', 'ungdomar', 'busskuren', 'stationen', 'kiosken', 'hat', 'bruket', 'centrum', 'skolan']) {
      assert.equal(named(typed), null, typed);
    }
  });

  it('finds the first category word anywhere in a message', () => {
    assert.equal(categoryNamedIn('Någon har sprayat på väggen vid entrén'), 'skadegorelse_klotter');
    assert.equal(categoryNamedIn('Inget särskilt hände'), null);
  });
});
