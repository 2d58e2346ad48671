import { foldText } from '../place';
import { similarity } from '../places/text-distance';
import type { IncidentCategory } from '../vocabulary';

// The words people type for each incident category, Swedish first. Matched folded (case and å/ä/ö
// ignored), with one typo allowed in longer words; "skadegörelse" alone means "skadegörelse – övrigt".
const CATEGORY_WORDS: Record<IncidentCategory, readonly string[]> = {
  skadegorelse_klotter: ['klotter', 'graffiti', 'tags', 'taggning'],
  skadegorelse_glaskross: ['glaskross', 'krossad ruta', 'krossade rutor', 'glass'],
  skadegorelse_ovrigt: ['skadegörelse', 'skadegorelse', 'vandalism', 'damage'],
  brand: ['brand', 'anlagd brand', 'eld', 'fire', 'arson'],
  nedskrapning: ['nedskräpning', 'skräp', 'litter', 'littering'],
  stold_inbrott_ran: ['stöld', 'inbrott', 'rån', 'theft', 'burglary', 'robbery'],
  hot_vald: ['hot', 'våld', 'misshandel', 'bråk', 'slagsmål', 'violence', 'threat'],
  incident_mot_anstalld: ['incident mot anställd', 'mot anställd', 'anställd'],
  narkotika: ['narkotika', 'knark', 'droger', 'drugs'],
  ordningsstorning: ['ordningsstörning', 'störning', 'oväsen', 'disorder'],
  otrygg_samling: ['samling', 'gäng', 'ungdomsgäng', 'gathering'],
  otrygg_plats: ['otrygg plats', 'belysning', 'mörkt', 'otryggt'],
  olovlig_trafik: ['olovlig trafik', 'moped', 'mopeder', 'epa', 'trafik', 'traffic'],
  arrangemang: ['arrangemang', 'evenemang', 'event'],
  krankning_mobbning: ['kränkning', 'mobbning', 'bullying'],
  ovrigt: ['övrigt', 'annat', 'other'],
};

const WORDS = (Object.entries(CATEGORY_WORDS) as [IncidentCategory, readonly string[]][])
  .flatMap(([category, words]) => words.map((w) => ({ category, key: foldText(w), length: w.split(' ').length })))
  .sort((a, b) => b.length - a.length);

/** Words shorter than this must be typed exactly: "hot" must not become "hat". */
const TYPO_MIN_LENGTH = 6;
const TYPO_SIMILARITY = 0.8;

/**
 * The category named at the start of `words`, and how many words it took; null when the first words
 * name no category (the user then picks one).
 */
export function categoryAt(words: readonly string[]): { category: IncidentCategory; length: number } | null {
  for (const entry of WORDS) {
    if (words.length < entry.length) continue;
    const typed = foldText(words.slice(0, entry.length).join(' ')).replace(/[.,!:;]+$/, '');
    if (typed === entry.key) return { category: entry.category, length: entry.length };
  }
  const first = foldText(words[0] ?? '').replace(/[.,!:;]+$/, '');
  if (first.length < TYPO_MIN_LENGTH) return null;
  const close = WORDS.filter((e) => e.length === 1 && similarity(first, e.key) >= TYPO_SIMILARITY)
    .sort((a, b) => similarity(first, b.key) - similarity(first, a.key));
  return close[0] ? { category: close[0].category, length: 1 } : null;
}
