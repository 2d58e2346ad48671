import type { Catalogue } from '../i18n/messages';
import type { Organisation } from '../domain/vocabulary';

// Organisations as the documents, cards and CSV files name them in one line: the promises card, the
// årsrapport, the lägesbild enligt lag's plan and the activities export all list them the same way.

/** "Polisen, Skolan": the organisations' names in the reader's language. */
export const organisationNames = (m: Catalogue, organisations: readonly Organisation[]): string =>
  organisations.map((o) => m.organisation[o]).join(', ');

/** "Polisen 3, Skolan 1": how many (activities) each organisation has. */
export const organisationCounts = (m: Catalogue, counts: readonly { organisation: Organisation; count: number }[]): string =>
  counts.map((o) => `${m.organisation[o.organisation]} ${o.count}`).join(', ');
