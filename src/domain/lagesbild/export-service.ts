import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Clock } from '../ports/clock.port';
import type { DigestExportRecord, DigestExportRepository } from '../ports/digest-exports.port';
import type { IncidentExportRow, LagesbildAggregateRepository } from '../ports/lagesbild.port';
import type { Period } from '../periods';
import type { Actor } from '../reporting-service';
import type { ReportOrigin } from '../report';
import { LAGESBILD_LIMITS, type Lagesbild } from './lagesbild';
import type { LagesbildService } from './lagesbild-service';

export interface CreatedExport {
  /** The export's record id (safe to log and audit; the token is not). */
  id: string;
  token: string;
  expiresAt: Date;
}

/** An export link that is still valid, with the period and conversation it was made for. */
export interface OpenExport {
  record: DigestExportRecord;
  period: Period;
}

/** Only the hash is stored: a copy of the database does not hold live links. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Short-lived, unguessable export links. Each is recorded (who, when, which period, where) and reads
 * only the data of the tenant and conversation that asked for it.
 */
export class ExportService {
  constructor(
    private readonly exports: DigestExportRepository,
    private readonly aggregates: LagesbildAggregateRepository,
    private readonly lagesbild: LagesbildService,
    private readonly clock: Clock,
    private readonly linkMinutes: number,
  ) {}

  async create(actor: Actor, origin: ReportOrigin, period: Period): Promise<CreatedExport> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.linkMinutes * 60_000);
    const id = randomUUID();
    await this.exports.create({
      id, tokenHash: hashToken(token), tenantId: origin.tenantId, conversationId: origin.conversationId,
      userId: actor.userId, periodKind: period.kind, periodFrom: period.from, periodTo: period.to, partial: period.partial,
      createdAt: now, expiresAt,
    });
    return { id, token, expiresAt };
  }

  /** Null for an unknown, malformed or expired token: the caller cannot tell which. */
  async open(token: string): Promise<OpenExport | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const record = await this.exports.findByTokenHash(hashToken(token));
    if (!record || record.expiresAt.getTime() <= this.clock.now().getTime()) return null;
    return { record, period: storedPeriod(record, this.lagesbild.zone) };
  }

  incidents(open: OpenExport): Promise<IncidentExportRow[]> {
    return this.aggregates.incidentsForExport(scopeOf(open.record), open.period, LAGESBILD_LIMITS.exportRows);
  }

  report(open: OpenExport): Promise<Lagesbild> {
    return this.lagesbild.build(scopeOf(open.record), open.period);
  }
}

const scopeOf = (r: DigestExportRecord) => ({ tenantId: r.tenantId, conversationId: r.conversationId });

function storedPeriod(r: DigestExportRecord, zone: string): Period {
  const day = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd');
  return {
    kind: r.periodKind, from: r.periodFrom, to: r.periodTo, firstDay: day(r.periodFrom),
    lastDay: day(new Date(r.periodTo.getTime() - 1)), partial: r.partial, zone,
  };
}
