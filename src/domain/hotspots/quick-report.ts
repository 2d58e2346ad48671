import { LIMITS } from '../limits';
import { placeWords } from '../places/new-place';
import { matchPlace, type PlaceCandidate, type PlaceMatch } from '../places/place-matcher';
import type { RegisteredPlace } from '../places/place-register';
import { withoutTimeWords } from '../time-words';
import type { IncidentCategory } from '../vocabulary';
import { categoryAt } from '../category-words';

// `hotspot <plats> [kategori] [beskrivning] [när]`: which words are the place, which the category, which
// say when ("i natt", "igår 22", anywhere after the place), the rest is the description. A place name is
// at most a few words, without a leading "vid"/"at"; the split that matches the register best wins.

const MAX_PLACE_WORDS = 4;

export type QuickParse =
  | { ok: false; problem: 'no_place' | 'place_too_long' }
  | {
    ok: true;
    /** The words taken as the place, as typed (the name of a new place if the user creates it). */
    typedPlace: string;
    place: PlaceMatch;
    category: IncidentCategory | null;
    description: string;
    /** When it happened, as the words said it; null when they did not say (it is happening now). */
    occurredAt: Date | null;
  };

/** `now` and `zone`: what "i natt" and "kl 23" are read against. */
export function parseQuickReport(args: string, register: readonly RegisteredPlace[], now: Date, zone: string): QuickParse {
  const typed = args.split(/\s+/).filter(Boolean);
  if (typed.length === 0) return { ok: false, problem: 'no_place' };
  // The first word is always the place, even one called "Fredag".
  const { words, at } = withoutTimeWords(placeWords(typed), now, zone, 1);
  const split = bestSplit(words, register);
  const typedPlace = words.slice(0, split.length).join(' ');
  if (typedPlace.length > LIMITS.placeNameMax) return { ok: false, problem: 'place_too_long' };
  const rest = words.slice(split.length);
  const category = categoryAt(rest);
  return {
    ok: true,
    typedPlace,
    place: split.match,
    category: category?.category ?? null,
    description: rest.slice(category?.length ?? 0).join(' '),
    occurredAt: at,
  };
}

function bestSplit(words: string[], register: readonly RegisteredPlace[]): { length: number; match: PlaceMatch } {
  let best: { length: number; match: PlaceMatch; score: number } | null = null;
  for (let length = 1; length <= Math.min(MAX_PLACE_WORDS, words.length); length++) {
    const match = matchPlace(words.slice(0, length).join(' '), register);
    const score = match.kind === 'sure' ? 2 : (match.candidates[0]?.score ?? 0);
    // Ties go to the longer name: "Stora torget" over "Stora".
    if (!best || score >= best.score) best = { length, match, score };
  }
  if (best && best.score > 0) return best;
  // A place nobody has reported yet: it ends where a category word begins, or after the first word.
  const categoryStart = words.findIndex((_, i) => i > 0 && i <= MAX_PLACE_WORDS && categoryAt(words.slice(i)) !== null);
  const length = categoryStart > 0 ? categoryStart : 1;
  return { length, match: matchPlace(words.slice(0, length).join(' '), register) };
}

export type { PlaceCandidate };
