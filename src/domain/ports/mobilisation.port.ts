import type { Callee, CallListEntry } from '../mobilisation/call-list';
import type { Answer, Callout, Recipient } from '../mobilisation/callout';
import type { Person } from '../report';
import type { ChatScope, TenantScope } from '../scope';

/** A school's call list, in the school's tenant: an id of another tenant's school finds nobody. */
export interface CallListRepository {
  /** In calling order (step, role, name). */
  list(scope: TenantScope, schoolId: string): Promise<CallListEntry[]>;
  /** Adds the user to the list, or changes their role and step when already on it. */
  put(scope: TenantScope, schoolId: string, callee: Callee, by: { actorId: string; now: Date }): Promise<void>;
  /** False when the user was not on the list. */
  remove(scope: TenantScope, schoolId: string, userId: string): Promise<boolean>;
}

/**
 * Where a call-out may be read: in the conversation it was called in, and, for one of its recipients,
 * anywhere in the tenant (their personal copy is in their chat with the bot).
 */
export interface CalloutScope extends ChatScope {
  readonly recipientId?: string;
  readonly recipientChatId?: string;
}

export interface NewCallout {
  origin: ChatScope;
  school: { id: string; name: string };
  what: string;
  caller: Person;
  now: Date;
  escalateAt: Date | null;
  recipients: Callee[];
  /** From when a copy still unsent is the scheduled job's to send (a grace after the call). */
  sendDueAt: Date;
  /** The key of the card (or message) that called: at most one call-out has it in a tenant. */
  submitKey?: string;
}

/** A claim on one recipient's personal copy, made before it is posted. */
export interface SendClaim {
  /** Judges the claim (an earlier one lapsed, the copy's time come). */
  now: Date;
  /** Held until then: no other instance sends the copy meanwhile. */
  until: Date;
  /** The scheduled job's claim: only once the copy's time has come (the calling instance's is at once). */
  dueOnly: boolean;
}

/** How a personal message went: posted (where), or refused by Teams. */
export type DeliveryOutcome = { ok: true; threadId: string; activityId: string } | { ok: false; status: number };

/**
 * Call-outs and their recipients and timelines. Every change is one transaction, conditional on the
 * call-out's state (and step or version where two could race): a change that lost the race changes
 * nothing and answers null.
 */
export interface CalloutRepository {
  /** Throws SubmitKeyUsedError, nothing written, when `submitKey` was used in the tenant (the unique index decides a race). */
  create(callout: NewCallout): Promise<Callout>;
  /** The call-out made with the key, in the conversation it was called in; null when none (or elsewhere). */
  findBySubmitKey(scope: ChatScope, submitKey: string): Promise<Callout | null>;
  get(scope: CalloutScope, id: string): Promise<Callout | null>;
  /**
   * Claims the recipient's send: only while the call-out is open, the copy not sent or given up, and no
   * other claim holds. The copy's failed tries so far when claimed; null when not (another has it, or it
   * is done, or the call-out closed).
   */
  claimSend(scope: TenantScope, id: string, userId: string, claim: SendClaim): Promise<{ tries: number } | null>;
  /**
   * The copy went out (where), or Teams refused the recipient for good (marked unreachable, with a timeline
   * event); the claim ends. Only a copy still pending is changed.
   */
  delivered(scope: TenantScope, id: string, userId: string, outcome: DeliveryOutcome, now: Date): Promise<void>;
  /**
   * The send failed for a passing reason: one more failed try, and the claim let go. Tried again from
   * `retryAt`; when that is null it is given up: marked unreachable, with an `undelivered` event (the tries).
   */
  sendFailed(scope: TenantScope, id: string, userId: string, failure: { retryAt: Date | null; now: Date }): Promise<void>;
  /**
   * The open call-outs of every tenant with a copy the scheduled job should send at `now`: not sent, its
   * time come (the grace after the call, or the next try), and not claimed.
   */
  undelivered(now: Date, limit: number): Promise<{ tenantId: string; conversationId: string; id: string }[]>;
  /** A "kommer" stops the escalation. Null when the call-out is closed or the user is not a recipient. */
  answer(scope: TenantScope, id: string, userId: string, answer: Answer, note: string | null, now: Date): Promise<Callout | null>;
  /**
   * Calls the next step: only while the call-out is open at `fromStep` and nobody has said "kommer"
   * (two instances, or a "kommer" at the same moment: one wins). Null when it did not happen.
   */
  escalate(scope: TenantScope, id: string, fromStep: number, toStep: number, added: Callee[], now: Date, escalateAt: Date | null, sendDueAt: Date): Promise<Callout | null>;
  /** Stops escalating (no later step has anyone to call). */
  stopEscalating(scope: TenantScope, id: string, fromStep: number): Promise<void>;
  /** The open call-outs of every tenant whose escalation time has come (system-wide: the scheduled check). */
  due(now: Date, limit: number): Promise<{ tenantId: string; conversationId: string; id: string }[]>;
  markExternalSent(scope: TenantScope, id: string, actorId: string, now: Date): Promise<Callout | null>;
  /** Null when it was already closed. */
  close(scope: TenantScope, id: string, close: { actorId: string; outcome: string; activityId: string; now: Date }): Promise<Callout | null>;
}

/**
 * The Teams edge of a call-out: the personal (1:1) copy of its card, and the word to the caller when
 * it escalated. Implemented with proactive messages; never throws for a recipient Teams refuses.
 */
export interface CalloutMessenger {
  sendPersonal(callout: Callout, recipient: Recipient): Promise<DeliveryOutcome>;
  tellEscalated(callout: Callout, called: Recipient[]): Promise<void>;
}
