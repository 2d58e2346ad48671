// Text as typed can hide what it says: a zero-width space inside a number ("811218\u200B-9876"), bidi
// controls that reorder what is shown, decomposed letters ("a" + combining ring), full-width digits
// ("０７０…"). Every free text is cleaned before it is checked and stored, so that what is checked, what
// is stored and what is shown are the same characters.

/**
 * Invisible formatting characters: zero-width space, non-joiner and joiner, word joiner and the
 * invisible operators, the byte-order mark, the soft hyphen, the Mongolian vowel separator and every
 * bidirectional control (marks, embeddings, overrides, isolates, the Arabic letter mark).
 * A zero-width joiner between two emoji is kept: it is what makes a family emoji one picture.
 */
const INVISIBLE = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})|[\u200B\u200C\u2060-\u2064\uFEFF\u00AD\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/gu;

/** NFC, without invisible formatting and bidi control characters. What is stored. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '');
}

/**
 * The same text, one UTF-16 unit for one, with look-alike characters made plain for matching:
 * full-width digits, letters and signs (U+FF01–FF5E) as ASCII, every kind of space as a space and every
 * kind of dash as "-". Indexes into the result are indexes into the input.
 */
export function matchingView(cleaned: string): string {
  return cleaned.replace(/[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200A\u202F\u205F\u2010-\u2015\u2212\uFE58\uFE63]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63) return '-';
    return ' ';
  });
}
