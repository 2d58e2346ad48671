import type { Overrides } from './catalogue-shape';
import { en, enInChat } from './en';
import type { Locale } from './locale';
import { pluralForm } from './plural';
import { sv, svInChat, type Catalogue } from './sv';

export type { Locale };
export type { Catalogue };

/**
 * Where the bot speaks: a team's channel, or a chat (personal or group). The catalogues say "kanalen"
 * / "the channel"; the chat variants replace exactly those strings with "chatten" / "the chat".
 */
export type Room = 'channel' | 'chat';

function withOverrides<T>(base: T, overrides: Overrides<T>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' ? value : withOverrides(out[key], value as Overrides<unknown>);
  }
  return out as T;
}

const catalogues: Record<Room, Record<Locale, Catalogue>> = {
  channel: { sv, en },
  chat: { sv: withOverrides(sv, svInChat), en: withOverrides(en, enInChat) },
};

/**
 * The language of the client (sv…, en…); when the client sends none or another language, the fallback:
 * the tenant's default (DEFAULT_LOCALE), Swedish unless configured.
 */
export function localeFrom(clientLocale: string | undefined | null, fallback: Locale = 'sv'): Locale {
  if (clientLocale && /^en(-|_|$)/i.test(clientLocale)) return 'en';
  if (clientLocale && /^sv(-|_|$)/i.test(clientLocale)) return 'sv';
  return fallback;
}

/** DEFAULT_LOCALE as configured: one language, and exceptions by (lower-case) tenant id. */
export interface DefaultLocales {
  fallback: Locale;
  tenants: Readonly<Record<string, Locale>>;
}

export const SWEDISH_BY_DEFAULT: DefaultLocales = { fallback: 'sv', tenants: {} };

/** The tenant's language when nobody's client names one: for a message without locale, and proactive posts. */
export function tenantLocale(defaults: DefaultLocales, tenantId: string): Locale {
  return defaults.tenants[tenantId.toLowerCase()] ?? defaults.fallback;
}

/** The catalogue of the locale, worded for the room (a channel unless told). */
export function messages(locale: Locale, room: Room = 'channel'): Catalogue {
  return catalogues[room][locale];
}

/**
 * Fills {name} placeholders; unknown placeholders stay visible so a missing value is noticed.
 * {name|one|other} picks the word for the count in `name` by the locale's plural rules (plural.ts):
 * "{n} {n|händelse|händelser}". Swedish and English agree on whole numbers, so `locale` only matters for
 * shown decimals; pass it where the count may have one.
 */
export function format(template: string, values: Record<string, string | number>, locale: Locale = 'sv'): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, key: string, one: string, other: string) =>
      (key in values ? pluralForm(locale, values[key]!, { one, other }) : whole))
    .replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
