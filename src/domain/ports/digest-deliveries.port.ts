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

export interface DigestDeliveryRepository {
  /** The delivery id when this instance won the (conversation, period); null when another has it. */
  claim(claim: DeliveryClaim): Promise<string | null>;
  recordAttempt(attempt: AttemptRecord): Promise<void>;
  finish(deliveryId: string, status: Exclude<DeliveryStatus, 'claimed'>, at: Date, detail: string | null): Promise<void>;
  /** Newest first. */
  list(conversationId: string, limit: number): Promise<DeliveryRecord[]>;
  attempts(deliveryId: string): Promise<AttemptRecord[]>;
}
