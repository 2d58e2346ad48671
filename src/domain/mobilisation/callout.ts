import type { Person } from '../report';
import { isCallee, type Callee } from './call-list';

// A call-out (mobilisering): what happened at a school, who was called and what each answered, kept
// with its timeline. Everyone who sees its card (the channel, each recipient's personal copy) sees the
// same answers.

export const ANSWERS = ['kommer', 'kan_inte', 'hanterat'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Whether the personal message reached the recipient: `unreachable` when Teams refused it (403/404: the bot removed, the user unknown). */
export type Delivery = 'pending' | 'sent' | 'unreachable';

export interface Recipient extends Callee {
  delivery: Delivery;
  /** The recipient's personal copy of the card, once posted: its conversation and message. */
  threadId: string | null;
  activityId: string | null;
  answer: Answer | null;
  /** A short guarded note with the answer ("10 min bort"). */
  note: string | null;
  answeredAt: Date | null;
  /** Tries of the personal copy that failed for a passing reason (a Connector 5xx, 429, a timeout). */
  sendTries: number;
  /** While pending: when the scheduled job may send the copy (a grace after the call, or the next try). */
  nextSendAt: Date | null;
}

/** `undelivered`: the personal copy was given up after its tries failed for passing reasons (detail: how many). */
export const CALLOUT_EVENTS = ['called', 'answered', 'unreachable', 'undelivered', 'escalated', 'external_sent', 'closed'] as const;
export type CalloutEventKind = (typeof CALLOUT_EVENTS)[number];

/** A line of the timeline. `detail` is a code (an answer, a step number), never typed text. */
export interface CalloutEvent {
  at: Date;
  kind: CalloutEventKind;
  /** Who did it: a user id; null for the bot (an escalation). */
  actorId: string | null;
  detail: string | null;
}

export interface Callout {
  id: string;
  tenantId: string;
  /** The conversation it was called in: its card there is the shared card. */
  conversationId: string;
  schoolId: string;
  schoolName: string;
  /** What happened, as the caller wrote it and the personal-data guard let it through. */
  what: string;
  caller: Person;
  calledAt: Date;
  /** The step called last (1 at the call). */
  step: number;
  /** When it escalates unless someone says "kommer" before; null when it will not. */
  escalateAt: Date | null;
  state: 'open' | 'closed';
  outcome: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  /** The activity (mobilisering) the close saved. */
  activityId: string | null;
  /** When the ready text for people outside Teams was marked sent. */
  externalSentAt: Date | null;
  version: number;
  recipients: Recipient[];
  events: CalloutEvent[];
}

/** Those who got their personal copy and have not answered. */
export function waitingFor(c: Pick<Callout, 'recipients'>): Recipient[] {
  return c.recipients.filter((r) => r.answer === null && r.delivery === 'sent');
}

/** Those whose personal copy has not gone out yet (being sent, or to be tried again), and who have not answered. */
export function notYetReached(c: Pick<Callout, 'recipients'>): Recipient[] {
  return c.recipients.filter((r) => r.answer === null && r.delivery === 'pending');
}

/** Those whose personal copy is on its way: not tried yet (just called, or its instance's send still running). */
export function beingSent(c: Pick<Callout, 'recipients'>): Recipient[] {
  return notYetReached(c).filter((r) => r.sendTries === 0);
}

/** Those whose personal copy failed for a passing reason and will be tried again. */
export function triedAgain(c: Pick<Callout, 'recipients'>): Recipient[] {
  return notYetReached(c).filter((r) => r.sendTries > 0);
}

export function unreachable(c: Pick<Callout, 'recipients'>): Recipient[] {
  return c.recipients.filter((r) => r.delivery === 'unreachable');
}

export function someoneComing(c: Pick<Callout, 'recipients'>): boolean {
  return c.recipients.some((r) => r.answer === 'kommer');
}

/** The recipient the user is, if any. */
export function recipientOf(c: Pick<Callout, 'recipients'>, user: { userId: string; chatUserId?: string | undefined }): Recipient | null {
  return c.recipients.find((r) => isCallee(r, user)) ?? null;
}
