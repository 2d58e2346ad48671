import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import * as lawCards from '../cards/law-cards';
import { LAW_VERBS } from '../cards/law-verbs';
import type { LawAnalysisService } from '../domain/annual/law-analysis';
import type { ChatContext } from './chat-context';
import { verb, type VerbEntry } from './registry/entries';
import { flag, formOf, year } from './registry/payloads';
import { noTarget } from './registry/targets';

// The coordinator's analysis of a year for the lägesbild enligt lag: opened from the document's links
// card, saved through the personal-data guard (a finding is shown, the text kept; saving again masks).
// Coordinators only, as the document itself; the text belongs to the conversation it is written in.

const analysisForm = formOf(['analysis'] as const).extend({ year, maskingConfirmed: flag });

export function lawAnalysisVerbs(analyses: Pick<LawAnalysisService, 'get' | 'save'>, thisYear: () => number): VerbEntry[] {
  const open = async (ctx: ChatContext, y: number): Promise<AdaptiveCard> =>
    lawCards.analysisForm(ctx.locale, y, { values: { analysis: (await analyses.get(ctx.origin, y))?.text ?? '' } });
  return [
    verb({
      verb: LAW_VERBS.openAnalysis, payload: z.object({ year }), target: noTarget, right: 'coordinator', writes: false,
      handle: ({ ctx, payload }) => open(ctx, payload.year),
    }),
    verb({
      verb: LAW_VERBS.saveAnalysis, payload: analysisForm, target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        const typed = payload.analysis ?? '';
        const saved = await analyses.save(ctx.origin, ctx.actor, payload.year, typed, { maskingConfirmed: payload.maskingConfirmed === true });
        if (saved.ok) return lawCards.analysisSaved(ctx.locale, saved.analysis);
        const values = { analysis: typed };
        if (saved.reason === 'personal_data') return lawCards.analysisForm(ctx.locale, payload.year, { values, personalData: saved.findings });
        return lawCards.analysisForm(ctx.locale, payload.year, { values, errors: { analysis: saved.error } });
      },
      storeDown: async (ctx, raw) => lawCards.analysisForm(ctx.locale, year.safeParse(raw.year).data ?? thisYear(), {
        values: { analysis: typeof raw.analysis === 'string' ? raw.analysis : '' }, storeDown: true,
      }),
    }),
  ];
}
