import type { AdaptiveCard, CardElement } from './card-schema';

const PLACE_INPUTS = new Set(['placeId', 'newPlace']);

/**
 * The incident form with the place asked first (`hotspot` alone): the place inputs, each with the
 * error line that follows it, move up to just below the heading and banner.
 */
export function placeFirst(form: AdaptiveCard): AdaptiveCard {
  const body = [...form.body];
  const moved: CardElement[] = [];
  for (let i = 0; i < body.length; i++) {
    const el = body[i]!;
    if ('id' in el && el.id && PLACE_INPUTS.has(el.id)) {
      moved.push(...body.splice(i, 2));
      i--;
    }
  }
  const firstInput = body.findIndex((el) => el.type === 'ColumnSet' || el.type.startsWith('Input.'));
  body.splice(firstInput < 0 ? body.length : firstInput, 0, ...moved);
  return { ...form, body };
}
