import { placeKey } from '../place';
import type { RegisteredPlace } from '../places/place-register';
import type { IncidentCategory } from '../vocabulary';
import { categoryAt } from '../category-words';

// A message someone wrote (not a command): where it happened and what, guessed with the same words and
// register as the quick report. A guess fills a form the user checks; nothing is saved from it alone.

/**
 * The place whose name (or other name) the text contains as whole words, the longest such name when
 * several do; null when none does. Exact after folding (case, å/ä/ö), so a guess is never a stretch.
 */
export function placeNamedIn(text: string, register: readonly RegisteredPlace[]): RegisteredPlace | null {
  const haystack = ` ${placeKey(text)} `;
  let best: { place: RegisteredPlace; length: number } | null = null;
  for (const place of register) {
    for (const name of [place.name, ...place.aliases]) {
      const key = placeKey(name);
      if (key.length < 3 || !haystack.includes(` ${key} `)) continue;
      if (!best || key.length > best.length) best = { place, length: key.length };
    }
  }
  return best?.place ?? null;
}

/** The first category word in the text, or null. */
export function categoryNamedIn(text: string): IncidentCategory | null {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 400);
  for (let i = 0; i < words.length; i++) {
    const found = categoryAt(words.slice(i));
    if (found) return found.category;
  }
  return null;
}
