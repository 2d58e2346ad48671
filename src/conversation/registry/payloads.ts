import { z } from 'zod';
import { SUBMIT_KEY_PATTERN } from '../../cards/report-cards';
import { FIRST_REPORT_YEAR } from '../../domain/annual/annual-report';

// Schemas shared by the registry's payloads. Teams sends card data as JSON chosen by the client:
// every field is checked for type and length before a loader or handler sees it.

export const ID_MAX = 100;
const TEXT_MAX = 4000;

export const id = z.string().trim().min(1).max(ID_MAX);
/** Card data may carry numbers as strings; a version is a whole number. */
export const version = z.coerce.number().int().min(0).max(1_000_000_000);
/** A calendar year of promises or a yearly document: none before the bot's first, none far ahead. */
export const year = z.coerce.number().int().min(FIRST_REPORT_YEAR).max(2100);
export const reportKind = z.enum(['incident', 'activity']).default('incident');
/** A typed form value, as typed: the domain validates it and the form shows errors at their fields. */
export const typed = z.union([z.string().max(TEXT_MAX), z.number()]).transform(String).optional();
export const flag = z.union([z.boolean(), z.literal('true'), z.literal('false')]).transform((v) => v === true || v === 'true').optional();

export const nothing = z.object({});
export const reportRef = z.object({ kind: reportKind, id });
export const reportVersion = z.object({ kind: reportKind, id, version });
export const hotspotRef = z.object({ id });
export const hotspotVersion = z.object({ id, version });
export const placeRef = z.object({ placeId: id });

/**
 * A form card's submit key (see newSubmitKey). Anything else in its place is dropped rather than
 * refused: the values typed still count, only the protection against a second save is lost.
 */
export const submitKey = z.string().regex(SUBMIT_KEY_PATTERN).optional().catch(undefined);

/** The words after a command, as typed. */
export const commandArgs = z.object({ args: z.string().max(TEXT_MAX) });

/** Typed values of a form (only strings or numbers; anything else is dropped by the schema). */
export function formOf<K extends string>(keys: readonly K[]) {
  return z.object(Object.fromEntries(keys.map((k) => [k, typed])) as Record<K, typeof typed>);
}
