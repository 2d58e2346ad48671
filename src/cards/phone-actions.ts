import type { AdaptiveCard } from './card-schema';

// A row of buttons (a card's actions, an ActionSet) is one line, and on a phone (340 px) a line holds
// about 42 characters of titles: more and the last titles are cut ("Markera som åtg…") or pushed out of
// the card. The buttons that do not fit go behind the "…" overflow menu (mode secondary, Adaptive Cards
// 1.5, which Teams shows), in the same order; the first always shows. test/cards/phone-fit.test.ts
// renders every card at 340 px to hold this.

/** Characters of button titles one row holds at 340 px, each button's padding included. */
const ROW_CHARACTERS = 42;
/** What a button adds to its title's width (padding and spacing), in characters. */
const BUTTON_CHARACTERS = 4;
/** The "…" button the overflow menu adds. */
const MORE_CHARACTERS = 5;

type Button = { type: string; title?: string; mode?: string };

/** Which buttons of one row go behind "…": none when all fit, else those after the room runs out. */
function secondaryFrom(buttons: readonly Button[]): number {
  const width = (b: Button) => (b.title ?? '').length + BUTTON_CHARACTERS;
  if (buttons.reduce((sum, b) => sum + width(b), 0) <= ROW_CHARACTERS) return buttons.length;
  let used = MORE_CHARACTERS + width(buttons[0]!);
  for (let i = 1; i < buttons.length; i++) {
    used += width(buttons[i]!);
    if (used > ROW_CHARACTERS) return i;
  }
  return buttons.length;
}

function fitRow(buttons: Button[]): Button[] {
  const from = secondaryFrom(buttons);
  if (from >= buttons.length) return buttons;
  return buttons.map((b, i) => (i >= from && b.mode === undefined ? { ...b, mode: 'secondary' } : b));
}

/**
 * The card with every row of buttons (its actions, each ActionSet's) fitted to a phone's width. What
 * needs no change is kept, not copied: a card whose rows fit is returned as it is (every card a submit
 * answers with passes here, issue 14).
 */
export function fitToPhone(card: AdaptiveCard): AdaptiveCard {
  return fitted(card) as AdaptiveCard;
}

/** The node with its rows fitted: the node itself when nothing in it changed, else a copy of it. */
function fitted(node: unknown): unknown {
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    node.forEach((item, i) => {
      const fit = fitted(item);
      if (fit !== item) (copy ??= [...node])[i] = fit;
    });
    return copy ?? node;
  }
  if (typeof node !== 'object' || node === null) return node;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    // Action data is the bot's own payload: left as it is.
    if (key === 'data') continue;
    const fit = key === 'actions' && Array.isArray(value) ? fitRow(fitted(value) as Button[]) : fitted(value);
    if (fit !== value) (copy ??= { ...node })[key] = fit;
  }
  return copy ?? node;
}
