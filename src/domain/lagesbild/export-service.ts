import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AnnualReport, AnnualReportBuilder } from '../annual/annual-report';
import type { LawLagesbild, LawLagesbildBuilder } from '../annual/law-lagesbild';
import type { AuditRepository } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { DigestExportRecord, DigestExportRepository } from '../ports/digest-exports.port';
import type { HotspotView } from '../hotspots/hotspot-service';
import type { ActivityExportRow, IncidentExportRow, LagesbildAggregateRepository } from '../ports/lagesbild.port';
import { periodYear, type Period } from '../periods';
import type { Actor } from '../reporting-service';
import type { ReportOrigin } from '../report';
import type { ChatScope } from '../scope';
import { LAGESBILD_LIMITS, type Lagesbild } from './lagesbild';
import type { LagesbildService } from './lagesbild-service';

export interface CreatedExport {
  /** The export's record id (safe to log and audit; a link's token is not). */
  id: string;
  expiresAt: Date;
}

/** Links just minted for the requester: the token is shown once, on their card, and stored only as a hash. */
export interface MintedLinks {
  token: string;
  expiresAt: Date;
}

/** An export link that is still valid, with the period and conversation it was made for. */
export interface OpenExport {
  record: DigestExportRecord;
  period: Period;
}

/**
 * csv: the incidents alone (links made before the zip); zip: every kind, one CSV file each; html: the
 * report; annual-html and annual-docx: the årsrapport, law-html and law-docx: the lägesbild enligt lag,
 * both of an export made for a calendar year only.
 */
export type ExportFile = 'csv' | 'zip' | 'html' | 'annual-html' | 'annual-docx' | 'law-html' | 'law-docx';

/** The yearly document a file is of, or null for the files of any export. */
const YEAR_DOCUMENT: Record<ExportFile, 'annual' | 'law' | null> = {
  csv: null, zip: null, html: null, 'annual-html': 'annual', 'annual-docx': 'annual', 'law-html': 'law', 'law-docx': 'law',
};

/** Whether an export may carry the årsrapport: one made for a calendar year (årsrapport <år>, or export of a year). */
export const carriesAnnualReport = (r: Pick<DigestExportRecord, 'periodKind'>): boolean => r.periodKind === 'year';

/** The channel's active hot spots with their measures and effect, for an export (ChannelHotspots). */
export interface HotspotExportSource {
  views(scope: ChatScope): Promise<HotspotView[]>;
}

/** Everything an export holds beyond the lägesbild itself, all of the export's channel only. */
export interface ExportContents {
  incidents: IncidentExportRow[];
  activities: ActivityExportRow[];
  hotspots: HotspotView[];
}

/** Only the hash is stored: a copy of the database does not hold live links. */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Short-lived, unguessable export links. Each export is recorded (who, when, which period, where) and
 * reads only the data of the tenant and conversation that asked for it. Its links are minted only when
 * they are shown to the coordinator who asked (never to the channel), each minting replacing the last,
 * and every download is in the audit trail.
 */
export class ExportService {
  constructor(
    private readonly exports: DigestExportRepository,
    private readonly aggregates: LagesbildAggregateRepository,
    private readonly lagesbild: LagesbildService,
    private readonly clock: Clock,
    private readonly linkMinutes: number,
    private readonly audit: AuditRepository,
    private readonly hotspots: HotspotExportSource = { views: async () => [] },
    private readonly annual: Pick<AnnualReportBuilder, 'build'> | null = null,
    private readonly law: Pick<LawLagesbildBuilder, 'build'> | null = null,
  ) {}

  /** Records the export. It has no usable link yet: the stored hash is of a token nobody is given. */
  async create(actor: Actor, origin: ReportOrigin, period: Period): Promise<CreatedExport> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.linkMinutes * 60_000);
    const id = randomUUID();
    await this.exports.create({
      id, tokenHash: hashToken(newToken()), tenantId: origin.tenantId, conversationId: origin.conversationId,
      userId: actor.userId, periodKind: period.kind, periodFrom: period.from, periodTo: period.to, partial: period.partial,
      createdAt: now, expiresAt,
    });
    return { id, expiresAt };
  }

  /** An export of the scope's tenant and conversation; null from anywhere else. */
  get(scope: ChatScope, id: string): Promise<DigestExportRecord | null> {
    return this.exports.get(scope, id);
  }

  /**
   * New links for an export that has not expired; the links shown before stop working. Null once the
   * export has expired (or is gone).
   */
  async mint(record: DigestExportRecord): Promise<MintedLinks | null> {
    if (this.expired(record)) return null;
    const token = newToken();
    const replaced = await this.exports.replaceTokenHash(scopeOf(record), record.id, hashToken(token));
    return replaced ? { token, expiresAt: record.expiresAt } : null;
  }

  /** The period an export was made for, in the lägesbild's time zone. */
  period(record: DigestExportRecord): Period {
    return storedPeriod(record, this.lagesbild.zone);
  }

  expired(record: DigestExportRecord): boolean {
    return record.expiresAt.getTime() <= this.clock.now().getTime();
  }

  /**
   * Opens a link for a download, which goes into the audit trail of the export's tenant (with the
   * export's id, never the token). Null for an unknown, malformed or expired token: the caller cannot
   * tell which.
   */
  async open(token: string, file: ExportFile): Promise<OpenExport | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const record = await this.exports.findByTokenHash(hashToken(token));
    if (!record || this.expired(record)) return null;
    const document = YEAR_DOCUMENT[file];
    if (document !== null && (!carriesAnnualReport(record) || !this[document])) return null;
    await this.audit.record({
      at: this.clock.now(), tenantId: record.tenantId, actorId: record.userId, action: 'export.downloaded', entityKind: 'export',
      entityId: record.id, entityRef: null, detail: file,
    });
    return { record, period: this.period(record) };
  }

  incidents(open: OpenExport): Promise<IncidentExportRow[]> {
    return this.aggregates.incidentsForExport(scopeOf(open.record), open.period, LAGESBILD_LIMITS.exportRows);
  }

  /** Incidents and activities of the period, and the channel's hot spots as they are now. */
  async contents(open: OpenExport): Promise<ExportContents> {
    const scope = scopeOf(open.record);
    const days = { firstDay: open.period.firstDay, lastDay: open.period.lastDay };
    const [incidents, activities, hotspots] = await Promise.all([
      this.incidents(open),
      this.aggregates.activitiesForExport(scope, days, LAGESBILD_LIMITS.exportRows),
      this.hotspots.views(scope),
    ]);
    return { incidents, activities, hotspots };
  }

  report(open: OpenExport): Promise<Lagesbild> {
    return this.lagesbild.build(scopeOf(open.record), open.period);
  }

  /** The årsrapport of the export's year and conversation; open() let only a year's export through. */
  annualReport(open: OpenExport): Promise<AnnualReport> {
    if (!this.annual || !carriesAnnualReport(open.record)) throw new Error('not an annual export');
    return this.annual.build(scopeOf(open.record), periodYear(open.period));
  }

  /** The lägesbild enligt lag of the export's year and conversation; open() let only a year's export through. */
  lawLagesbild(open: OpenExport): Promise<LawLagesbild> {
    if (!this.law || !carriesAnnualReport(open.record)) throw new Error('not an annual export');
    return this.law.build(scopeOf(open.record), periodYear(open.period));
  }
}


const scopeOf = (r: DigestExportRecord): ChatScope => ({ tenantId: r.tenantId, conversationId: r.conversationId });

function storedPeriod(r: DigestExportRecord, zone: string): Period {
  const day = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd');
  return {
    kind: r.periodKind, from: r.periodFrom, to: r.periodTo, firstDay: day(r.periodFrom),
    lastDay: day(new Date(r.periodTo.getTime() - 1)), partial: r.partial, zone,
  };
}
