import type { Actor } from '../actor';
import type { AuditRepository } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { FieldFinding } from '../privacy/mask-fields';
import { guardFreeText, type PrivacyChoice } from '../privacy/free-text';
import type { ChatScope } from '../scope';

// The coordinator's own analysis in the lägesbild enligt lag (SFS 2023:196 asks for an analysis beside
// the mapping): one text per conversation and calendar year, typed on a card, through the personal-data
// guard like every free-text field, and audited (the year, never the text).

/** As long as a Teams text input and the column (NVARCHAR(4000)) take. */
export const ANALYSIS_MAX = 4000;

export interface LawAnalysis {
  year: number;
  text: string;
  updatedBy: string;
  updatedAt: Date;
}

export interface LawAnalysisRepository {
  /** The conversation's analysis of the year, or null when none was written. */
  get(scope: ChatScope, year: number): Promise<LawAnalysis | null>;
  /** Writes (or replaces) the conversation's analysis of the year. */
  save(scope: ChatScope, analysis: LawAnalysis): Promise<void>;
}

export type AnalysisSaved =
  | { ok: true; analysis: LawAnalysis }
  | { ok: false; reason: 'invalid'; error: 'required' | 'too_long' }
  /** Personal data found: nothing stored until the coordinator saves again, which masks it. */
  | { ok: false; reason: 'personal_data'; findings: FieldFinding<'analysis'>[] };

export class LawAnalysisService {
  constructor(private readonly analyses: LawAnalysisRepository, private readonly audit: AuditRepository, private readonly clock: Clock) {}

  get(scope: ChatScope, year: number): Promise<LawAnalysis | null> {
    return this.analyses.get(scope, year);
  }

  async save(scope: ChatScope, actor: Actor, year: number, typed: string, privacy: PrivacyChoice): Promise<AnalysisSaved> {
    const text = typed.trim();
    if (text === '') return { ok: false, reason: 'invalid', error: 'required' };
    if (text.length > ANALYSIS_MAX) return { ok: false, reason: 'invalid', error: 'too_long' };
    const guarded = guardFreeText('lawAnalysis', { analysis: text }, privacy);
    if (!guarded.ok) return guarded;
    const now = this.clock.now();
    const analysis: LawAnalysis = { year, text: guarded.texts.analysis ?? text, updatedBy: actor.userId, updatedAt: now };
    await this.analyses.save(scope, analysis);
    await this.audit.record({
      at: now, tenantId: scope.tenantId, actorId: actor.userId, action: 'analysis.saved', entityKind: 'action', entityId: null, entityRef: null, detail: String(year),
    });
    return { ok: true, analysis };
  }
}
