import { cardText } from './bot-harness';

/** Every Action.Execute button of a card, nested action sets included. */
export function buttons(card: unknown): Record<string, any>[] {
  const found: Record<string, any>[] = [];
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && v.type === 'Action.Execute') found.push(v);
    return v;
  });
  return found;
}

/** The first button with this verb (and, optionally, data that passes `where`); fails the test when there is none. */
export function button(card: unknown, verb: string, where: (data: Record<string, any>) => boolean = () => true): Record<string, any> {
  const found = buttons(card).find((a) => a.verb === verb && where((a.data ?? {}) as Record<string, any>));
  if (!found) throw new Error(`no ${verb} button in ${cardText(card).slice(0, 400)}`);
  return found;
}
