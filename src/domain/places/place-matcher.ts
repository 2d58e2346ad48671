import { placeKey } from '../place';
import type { RegisteredPlace } from './place-register';
import { similarity } from './text-distance';

// Forgiving, but never a silent wrong guess: a place is taken only when one candidate is clearly the
// best; otherwise the user chooses among the best few.

export const PLACE_MATCH = {
  /** At least this score to take a place without asking. */
  sure: 0.85,
  /** The runner-up must be this far behind for the best to count as clear. */
  margin: 0.08,
  /** Candidates below this are not offered at all. */
  offered: 0.5,
  maxOffered: 5,
  /** A typed name that is the tail of a longer name ("torget" → "Stora torget") scores this. */
  partOfName: 0.9,
} as const;

export interface PlaceCandidate {
  place: RegisteredPlace;
  score: number;
}

export type PlaceMatch =
  | { kind: 'sure'; place: RegisteredPlace }
  /** Several could be meant, or none fits well: the candidates are the best few, best first. */
  | { kind: 'choose'; candidates: PlaceCandidate[] };

/** Scores one typed key against one name key (both already folded by placeKey). */
export function nameScore(typed: string, name: string): number {
  if (typed === name) return 1;
  const typedWords = typed.split(' ');
  const nameWords = name.split(' ');
  let best = similarity(typed, name);
  // Any run of words in the name, with typos allowed: "torgt" still points at "Stora torget".
  for (let start = 0; start + typedWords.length <= nameWords.length; start++) {
    const part = nameWords.slice(start, start + typedWords.length).join(' ');
    if (part === name) continue;
    best = Math.max(best, PLACE_MATCH.partOfName * similarity(typed, part));
  }
  return best;
}

export function placeScore(typed: string, place: RegisteredPlace): number {
  return namesScore(typed, [place.name, ...place.aliases]);
}

/** The best score of a typed name against any of an item's names. */
export function namesScore(typed: string, names: readonly string[]): number {
  const key = placeKey(typed);
  return Math.max(...names.map((name) => nameScore(key, placeKey(name))));
}

export type NameMatch<T> =
  | { kind: 'sure'; item: T; score: number }
  | { kind: 'choose'; candidates: { item: T; score: number }[] };

/** The rule above over any named things (places, schools): one clear best, or the best few to choose from. */
export function matchByName<T>(typed: string, items: readonly T[], namesOf: (item: T) => readonly string[], label: (item: T) => string): NameMatch<T> {
  const ranked = items
    .map((item) => ({ item, score: namesScore(typed, namesOf(item)) }))
    .filter((c) => c.score >= PLACE_MATCH.offered)
    .sort((a, b) => b.score - a.score || label(a.item).localeCompare(label(b.item), 'sv'));
  const [best, second] = ranked;
  if (best && best.score >= PLACE_MATCH.sure && (!second || best.score - second.score >= PLACE_MATCH.margin)) {
    return { kind: 'sure', item: best.item, score: best.score };
  }
  return { kind: 'choose', candidates: ranked.slice(0, PLACE_MATCH.maxOffered) };
}

export function matchPlace(typed: string, register: readonly RegisteredPlace[]): PlaceMatch {
  const match = matchByName(typed, register, (p) => [p.name, ...p.aliases], (p) => p.name);
  return match.kind === 'sure'
    ? { kind: 'sure', place: match.item }
    : { kind: 'choose', candidates: match.candidates.map((c) => ({ place: c.item, score: c.score })) };
}
