import type { Callout } from './callout';
import { someoneComing } from './callout';

// The escalation rule: when nobody has said "kommer" within N minutes of a step being called, the next
// step of the call list is called. The time is kept on the call-out (escalateAt) so that any instance's
// scheduled check finds it, and a restart loses nothing.

export const DEFAULT_ESCALATE_MINUTES = 10;

/** When a step called at `calledAt` escalates, or null when no later step has people to call. */
export function escalationTime(calledAt: Date, minutes: number, laterStepHasPeople: boolean): Date | null {
  return laterStepHasPeople ? new Date(calledAt.getTime() + minutes * 60_000) : null;
}

/** Whether the call-out escalates at `now`: open, its time come, and nobody has said "kommer". */
export function isEscalationDue(c: Pick<Callout, 'state' | 'escalateAt' | 'recipients'>, now: Date): boolean {
  return c.state === 'open' && c.escalateAt !== null && c.escalateAt.getTime() <= now.getTime() && !someoneComing(c);
}
