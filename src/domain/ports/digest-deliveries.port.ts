/** What became of a scheduled digest. `claimed`: an instance is posting it (or died doing so). */
export type DeliveryStatus = 'claimed' | 'posted' | 'failed' | 'paused';

export type AttemptOutcome = 'posted' | 'retry' | 'failed' | 'gone';

export interface DeliveryClaim {
  conversationId: string;
  /** periodKey() of the digest's period: a period is posted once per conversation. */
  periodKey: string;
  scheduledFor: Date;
  claimedBy: string;
  now: Date;
  /** A claim older than this whose instance never finished may be taken over. */
  staleBefore: Date;
}

export interface DeliveryRecord {
  id: string;
  conversationId: string;
  periodKey: string;
  scheduledFor: Date;
  claimedBy: string;
  claimedAt: Date;
  status: DeliveryStatus;
  finishedAt: Date | null;
  detail: string | null;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  at: Date;
  /** HTTP status of the answer; 0 when none came (network error, timeout). */
  httpStatus: number;
  outcome: AttemptOutcome;
  /** The wait before the next attempt, when there is one. */
  retryInMs: number | null;
}

/** A delivery this instance now has. */
export interface ClaimedDelivery {
  id: string;
  /** The highest attempt number recorded or being sent (a delivery taken over); 0 for a new claim. */
  lastAttempt: number;
  /**
   * An attempt the previous holder started sending and whose answer it never recorded (it died between
   * the POST and the write): the digest may already be in the conversation. Null for a new claim.
   */
  unconfirmed: { attempt: number; since: Date } | null;
}

export interface DigestDeliveryRepository {
  /** The delivery when this instance won the (conversation, period), or took an unfinished one over; null when another has it or it is finished. */
  claim(claim: DeliveryClaim): Promise<ClaimedDelivery | null>;
  /** Notes, before the POST, that an attempt is being sent; recordAttempt clears the note. */
  sending(deliveryId: string, attempt: number, at: Date): Promise<void>;
  /** Records an attempt's answer and clears the sending note, together. */
  recordAttempt(attempt: AttemptRecord): Promise<void>;
  finish(deliveryId: string, status: Exclude<DeliveryStatus, 'claimed'>, at: Date, detail: string | null): Promise<void>;
  /** Newest first. */
  list(conversationId: string, limit: number): Promise<DeliveryRecord[]>;
  attempts(deliveryId: string): Promise<AttemptRecord[]>;
}
