export interface Place {
  id: string;
  name: string;
  createdAt: Date;
}

/**
 * The key two place names share when a person would call them the same place:
 * case, accents, punctuation and repeated spaces do not matter ("Stora  Torget" = "stora torget").
 */
export function placeKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Lower case without diacritics: å, ä, ö → a, a, o; also used for command matching. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}
