import { card, type AdaptiveCard } from '../card-schema';
import { LAGESBILD_VERBS } from '../lagesbild-verbs';
import { asPart, type Binder } from '../bind';
import { defineTemplate } from '../render';

/**
 * Who may see an export's links: the refresh that fetches them (for these Teams user ids only) and the
 * export it is about.
 */
export interface ExportRefreshData {
  userIds: string[];
  /** `document: 'law'`: the export answers `lägesbild enligt lag`, whose links and analysis button it shows. */
  data: { exportId: string; document?: 'law' };
}

/** The refresh every export card carries, so the requester's clients fetch (new) links on their own. */
const withRefresh = <D extends { refresh: ExportRefreshData }>(b: Binder<D>, c: AdaptiveCard): AdaptiveCard => {
  const p = asPart<{ refresh: ExportRefreshData }>(b);
  return { ...c, refresh: { action: { type: 'Action.Execute', verb: LAGESBILD_VERBS.exportLinks, data: p('refresh.data') }, userIds: p('refresh.userIds') } };
};

/** Short-lived download links, for the requester only: a title, what they are for and until when, a button each. */
export interface ExportLinkCardData {
  title: string;
  periodLabel: string;
  text: string;
  links: { title: string; url: string }[];
  newLinks: string;
  refresh: ExportRefreshData;
  /** The lägesbild enligt lag's analysis: whether it is written, and the button to write or change it (shown when `show`). */
  analysis: { show: boolean; text: string; button: { title: string; verb: string; data: { year: number } } };
}

export const exportLinkCard = defineTemplate<ExportLinkCardData>('export-link', (b) => withRefresh(b, card([
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('periodLabel'), isSubtle: true, wrap: true, spacing: 'none' },
  { type: 'TextBlock', text: b('text'), wrap: true },
  { type: 'ActionSet', actions: [b.each('links', (link) => ({ type: 'Action.OpenUrl', title: link('title'), url: link('url') }))] },
  { type: 'TextBlock', text: b('analysis.text'), wrap: true, $when: b.expr`${'analysis.show'}` },
  {
    type: 'ActionSet', $when: b.expr`${'analysis.show'}`,
    actions: [{ type: 'Action.Execute', title: b('analysis.button.title'), verb: b('analysis.button.verb'), data: b('analysis.button.data'), associatedInputs: 'none' }],
  },
], [
  { type: 'Action.Execute', title: b('newLinks'), verb: LAGESBILD_VERBS.exportLinks, data: b('refresh.data'), associatedInputs: 'none' },
])));

/**
 * The export card everyone in the channel sees: no links, and whose they are. The requester's Teams
 * client refreshes it to the links card; the button does the same where a client does not refresh.
 */
export interface ExportReadyCardData {
  title: string;
  periodLabel: string;
  text: string;
  showLinks: string;
  refresh: ExportRefreshData;
}

export const exportReadyCard = defineTemplate<ExportReadyCardData>('export-ready', (b) => withRefresh(b, card([
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('periodLabel'), isSubtle: true, wrap: true, spacing: 'none' },
  { type: 'TextBlock', text: b('text'), wrap: true },
], [
  { type: 'Action.Execute', title: b('showLinks'), verb: LAGESBILD_VERBS.exportLinks, data: b('refresh.data'), associatedInputs: 'none' },
])));
