import { asPart, type Binder } from '../bind';
import { card, type CardElement } from '../card-schema';
import { defineTemplate } from '../render';

/**
 * A report in brief (the message extension): its number as a title and a few facts (category or type,
 * place, status, day). Never free text or a person; what goes in is decided in extension-cards.ts.
 */
export interface ReportBriefCardData {
  title: string;
  facts: { title: string; value: string }[];
}

function briefBody<D extends ReportBriefCardData>(b: Binder<D>): CardElement[] {
  const p = asPart<ReportBriefCardData>(b);
  return [
    { type: 'TextBlock', text: p('title'), weight: 'bolder', size: 'medium', wrap: true },
    { type: 'FactSet', facts: [p.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))] },
  ];
}

/** A report link unfolded. Only elements of Adaptive Cards 1.3, which link unfurling is shown in. */
export const unfoldedReportCard = defineTemplate<ReportBriefCardData>('report-link', (b) => card(briefBody(b)));

/** A search result inserted into a message: the brief, and a button that shows the report to whoever may see it. */
export interface ReportResultCardData extends ReportBriefCardData {
  show: { title: string; verb: string; data: Record<string, unknown> };
}

export const searchResultCard = defineTemplate<ReportResultCardData>('report-result', (b) => card(briefBody(b), [
  { type: 'Action.Execute', title: b('show.title'), verb: b('show.verb'), data: b('show.data'), associatedInputs: 'none' },
]));
