import { foldText } from './place';
import { similarity } from './places/text-distance';
import type { IncidentCategory } from './vocabulary';

// The words people type for each incident category, Swedish first, then English: the one word list of
// the bot (quick reports and guesses from a message both read it). Matched folded (case and å/ä/ö
// ignored), the longest phrase first ("hot mot personal" before "hot"), with one typo allowed in
// longer words; "skadegörelse" alone means "skadegörelse – övrigt". Only the categories of
// vocabulary.ts: a word that fits none is better left to the user's choice.
const CATEGORY_WORDS: Record<IncidentCategory, readonly string[]> = {
  skadegorelse_klotter: [
    'klotter', 'klottrat', 'klottrad', 'klottring', 'tag', 'tags', 'taggning', 'taggat', 'taggad', 'sprayat', 'sprayad', 'sprejat', 'sprejad',
    'graffiti', 'tagged', 'spray paint', 'sprayed',
  ],
  skadegorelse_glaskross: [
    'glaskross', 'krossad ruta', 'krossade rutor', 'krossat fönster', 'krossade fönster', 'krossad glasruta', 'krossat glas',
    'sönderslagen ruta', 'sönderslaget fönster', 'trasig ruta', 'broken window', 'smashed window', 'broken glass', 'glass',
  ],
  skadegorelse_ovrigt: ['skadegörelse', 'skadegorelse', 'vandalism', 'sabotage', 'damage', 'vandalised', 'vandalized'],
  brand: ['brand', 'anlagd brand', 'eld', 'eldat', 'brann', 'brinner', 'soptunnebrand', 'containerbrand', 'bilbrand', 'fire', 'arson'],
  nedskrapning: ['nedskräpning', 'nedskräpat', 'skräp', 'skräpigt', 'litter', 'littering', 'rubbish'],
  stold_inbrott_ran: [
    'stöld', 'stulen', 'stulet', 'stulna', 'snattat', 'snatteri', 'snattning', 'cykelstöld', 'inbrott', 'rån', 'rånad',
    'theft', 'stolen', 'shoplifting', 'burglary', 'break-in', 'robbery', 'robbed',
  ],
  hot_vald: [
    'hot', 'hotad', 'hotade', 'hotfull', 'knivhot', 'våld', 'misshandel', 'misshandlad', 'slagsmål', 'slogs',
    'violence', 'threat', 'threats', 'threatened', 'assault', 'fight',
  ],
  incident_mot_anstalld: ['incident mot anställd', 'mot anställd', 'anställd', 'hot mot personal', 'mot personal', 'against staff'],
  narkotika: ['narkotika', 'knark', 'droger', 'drogförsäljning', 'langning', 'langare', 'langat', 'cannabis', 'hasch', 'drugs', 'drug dealing'],
  ordningsstorning: ['ordningsstörning', 'störning', 'störande', 'oväsen', 'bråk', 'bråkade', 'bråkig', 'disorder', 'disturbance', 'noise', 'rowdy'],
  otrygg_samling: ['samling', 'gäng', 'ungdomsgäng', 'grupp ungdomar', 'gathering', 'gang'],
  otrygg_plats: ['otrygg plats', 'belysning', 'trasig belysning', 'mörkt', 'otryggt', 'lighting', 'dark', 'unsafe'],
  olovlig_trafik: ['olovlig trafik', 'moped', 'mopeder', 'mopedåkning', 'epa', 'epatraktor', 'a-traktor', 'trafik', 'traffic'],
  arrangemang: ['arrangemang', 'evenemang', 'event'],
  krankning_mobbning: ['kränkning', 'kränkt', 'mobbning', 'mobbad', 'mobbar', 'bullying', 'bullied', 'harassment'],
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
