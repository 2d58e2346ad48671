import { cleanText } from './privacy/clean-text';

export interface Place {
  id: string;
  name: string;
  createdAt: Date;
}

/**
 * The key two place names share when a person would call them the same place:
 * case, accents, punctuation, repeated spaces and invisible characters do not matter
 * ("Stora  Torget" = "stora torget", "Tor\u200Bget" = "Torget", full-width "Ｔｏｒｇｅｔ" = "Torget").
 */
export function placeKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Lower case without diacritics or invisible characters: å, ä, ö → a, a, o; full-width letters and
 * digits as plain ones (NFKD). Also used for command matching.
 */
export function foldText(text: string): string {
  return cleanText(text).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A place name as stored: NFC, no zero-width or bidi control characters, single spaces, trimmed. */
export function tidyName(name: string): string {
  return cleanText(name).replace(/\s+/g, ' ').trim();
}
