import type { Organisation } from '../vocabulary';
import type { Reporter } from './est.port';

/** What decides who is nudged before a meeting. */
export interface NudgeInputs {
  reporters: readonly Reporter[];
  /** Organisations that reported an incident or an activity in the conversation this EST week. */
  reported: readonly Organisation[];
  /** Organisations that answered "inget att rapportera" for this meeting: they count as reported. */
  nothingToReport: readonly Organisation[];
}

/**
 * The rapportörer to nudge: those of every organisation that has neither reported nor said it has
 * nothing to report. An organisation without rapportörer is nobody's to nudge.
 */
export function reportersToNudge(inputs: NudgeInputs): Reporter[] {
  const done = new Set<Organisation>([...inputs.reported, ...inputs.nothingToReport]);
  return inputs.reporters.filter((r) => !done.has(r.organisation));
}
