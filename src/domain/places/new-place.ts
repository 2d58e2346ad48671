import { foldText, tidyName } from '../place';
import type { PlaceKind } from './place-register';

// A place nobody has reported before, named the way the register names places: "vid stationen" becomes
// "Stationen", and its kind is guessed from the name ("Ängsskolan" is a school). The curator can
// rename it or change the kind in the register; a guess is only a start.

/** Words before a place that are not part of its name: "vid stationen", "utanför Ica", "at the square". */
const LEADING_NOISE = new Set(['vid', 'pa', 'i', 'utanfor', 'bakom', 'nara', 'mot', 'at', 'near', 'by', 'in', 'on', 'outside', 'behind', 'the']);

/** By the last part of a word, as Swedish compounds end in what the thing is ("Kvarnbackaskolan"). First match wins. */
const KIND_ENDINGS: readonly (readonly [PlaceKind, RegExp])[] = [
  ['skola', /(skola|skolan|skolgard|skolgarden|gymnasium|gymnasiet|school)$/],
  ['station', /(station|stationen|resecentrum|resecentret|hallplats|hallplatsen|perrong|perrongen)$/],
  ['torg', /(torg|torget|square)$/],
  ['park', /(park|parken|lekplats|lekplatsen|playground)$/],
  ['centrum', /(centrum|centret|center|centre|galleria|gallerian)$/],
  ['bostadsomrade', /(bostadsomrade|bostadsomradet|bostader|bostaderna)$/],
];

/** The words of a typed place without the leading words that only say where relative to it. */
export function placeWords(words: readonly string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && LEADING_NOISE.has(foldText(words[start]!))) start++;
  return words.slice(start);
}

/** The name a new place gets: tidied, capitalised first letter, the rest as typed (å, ä, ö kept). */
export function newPlaceName(typed: string): string {
  const name = tidyName(placeWords(tidyName(typed).split(' ')).join(' '));
  return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
}

/** The kind a place's name suggests; 'annat' when it suggests none. */
export function placeKindOf(name: string): PlaceKind {
  const words = foldText(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return KIND_ENDINGS.find(([, ending]) => words.some((w) => ending.test(w)))?.[0] ?? 'annat';
}
