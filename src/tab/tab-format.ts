import { INCIDENT_CATEGORIES, type IncidentCategory } from '../domain/vocabulary';
import type { Locale } from '../i18n/messages';

/** Times are shown as the bot shows them: in Sweden's time zone, whatever the viewer's device says. */
const ZONE = 'Europe/Stockholm';

export function formatTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(new Date(iso));
}

/** A category's place in the vocabulary: its colour on the map and in the charts (cat-N in tab.css). */
export function categoryIndex(category: IncidentCategory): number {
  return INCIDENT_CATEGORIES.indexOf(category);
}

/** The palette of the categories, one colour each, readable on light and dark backgrounds. */
export const CATEGORY_COLOURS = [
  '#1f77b4', '#d62728', '#ff7f0e', '#8c564b', '#7f7f7f', '#9467bd', '#e377c2', '#bcbd22',
  '#17becf', '#2ca02c', '#aec7e8', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#98df8a',
];
