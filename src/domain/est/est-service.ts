import type { Actor } from '../actor';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { AuditRepository } from '../ports/audit.port';
import type { Clock } from '../ports/clock.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import { STOCKHOLM } from '../periods';
import { PLACE_REGISTER_MAX, type RegisteredPlace } from '../places/place-register';
import { guardAssessment, type PrivacyChoice } from '../privacy/guard-reports';
import type { FieldFinding } from '../privacy/mask-fields';
import type { ChatScope, TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';
import type { AreaAssessment, EstRepository, Reporter } from './est.port';
import { DEFAULT_MEETING, parseTimeOfDay, recentWeekStarts, tertialOf, upcomingWeek, weekStart, type EstMeeting, type EstScale, type EstWeek } from './est-week';

/** How many weeks of assessments the lägesbild shows per area. */
export const ASSESSMENT_WEEKS = 8;
/** About three priority areas a tertial, as EST works; a card offers this many choices. */
export const PRIORITY_AREAS_MAX = 3;
/** A one-line reason. */
export const REASON_MAX = 200;

export interface Area {
  id: string;
  name: string;
}

/** An area over the last weeks: the level of each week (null: not assessed), oldest first, and the latest reason. */
export interface AreaTrend {
  area: Area;
  levels: (1 | 2 | 3 | null)[];
  latestReason: string | null;
}

/** A priority area of the tertial with its hot spots (place names) and their open measures. */
export interface PriorityArea {
  area: Area;
  hotSpots: string[];
  openMeasures: number;
}

/** What the lägesbild shows of the EST week. */
export interface EstPicture {
  /** The scale's labels as configured (EST_SCALE), or null for the catalogue's. */
  scale: EstScale | null;
  tertial: string;
  priorities: PriorityArea[];
  /** Mondays of the weeks shown, oldest first. */
  weeks: string[];
  areas: AreaTrend[];
}

/** The picture when it has something to show (priority areas or assessed areas); null for a conversation without an EST week. */
export function withEstData(picture: EstPicture): EstPicture | null {
  return picture.priorities.length > 0 || picture.areas.length > 0 ? picture : null;
}

export type AssessmentDraft = { areaId: string; level: string; reason: string };
export type AssessmentField = 'level' | 'reason';
export type AssessmentResult =
  | { ok: true; assessment: AreaAssessment }
  | { ok: false; errors: Partial<Record<AssessmentField, 'required' | 'too_long' | 'invalid'>> }
  | { ok: false; personalData: FieldFinding<'reason'>[] };

export type MeetingResult = { ok: true; meeting: EstMeeting } | { ok: false; error: 'invalid_weekday' | 'invalid_time' };

/**
 * The EST week's use cases: the rapportör list, a conversation's meeting, "inget att rapportera", the
 * areas' weekly assessments and the tertial's priority areas. Every call carries the caller's scope.
 */
export class EstService {
  constructor(
    private readonly est: EstRepository,
    private readonly register: Pick<PlaceRegisterRepository, 'all'>,
    private readonly hotspots: Pick<HotspotRepository, 'listActive' | 'measures'>,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    readonly zone = STOCKHOLM,
    /** EST_SCALE: the levels' labels in every language, or null for the catalogue's. */
    readonly scale: EstScale | null = null,
  ) {}

  /** The register's areas: the places other places lie in, by name. */
  async areas(scope: TenantScope): Promise<Area[]> {
    const places = await this.register.all(scope, PLACE_REGISTER_MAX);
    return areasOf(places);
  }

  reporters(scope: TenantScope): Promise<Reporter[]> {
    return this.est.reporters(scope);
  }

  async addReporter(scope: TenantScope, actor: Actor, reporter: Reporter): Promise<void> {
    const now = this.clock.now();
    await this.est.saveReporter(scope, reporter, actor.userId, now);
    await this.record(scope, actor, 'est.reporter_added', 'user', reporter.userId, reporter.organisation);
  }

  async removeReporter(scope: TenantScope, actor: Actor, userId: string): Promise<boolean> {
    const removed = await this.est.removeReporter(scope, userId);
    if (removed) await this.record(scope, actor, 'est.reporter_removed', 'user', userId, null);
    return removed;
  }

  async meeting(scope: ChatScope): Promise<EstMeeting> {
    return (await this.est.meeting(scope)) ?? DEFAULT_MEETING;
  }

  /** The meeting as chosen on the card: weekday 1–7 and two times of day, as typed. */
  async setMeeting(scope: ChatScope, actor: Actor, typed: { weekday: string; time: string; nudgeTime: string }): Promise<MeetingResult> {
    const weekday = Number(typed.weekday);
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return { ok: false, error: 'invalid_weekday' };
    const time = parseTimeOfDay(typed.time);
    const nudgeTime = parseTimeOfDay(typed.nudgeTime);
    if (!time || !nudgeTime) return { ok: false, error: 'invalid_time' };
    const meeting = { weekday, time, nudgeTime };
    await this.est.saveMeeting(scope, meeting, actor.userId, this.clock.now());
    await this.record(scope, actor, 'est.meeting', 'action', null, `${weekday} ${time}`);
    return { ok: true, meeting };
  }

  async upcomingWeek(scope: ChatScope): Promise<EstWeek> {
    return upcomingWeek(this.clock.now(), await this.meeting(scope), this.zone);
  }

  async markNothingToReport(scope: ChatScope, actor: Actor, meetingDay: string, organisation: Organisation): Promise<void> {
    await this.est.markNothingToReport(scope, meetingDay, organisation, actor.userId, this.clock.now());
    await this.record(scope, actor, 'est.nothing_to_report', 'action', null, organisation);
  }

  /**
   * Sets the area's assessment for this week, as typed on the form: a level 1–3 and a one-line reason,
   * through the personal-data guard (a finding is shown and confirmed before anything is stored).
   */
  async assess(scope: ChatScope, actor: Actor, draft: AssessmentDraft, privacy: PrivacyChoice): Promise<AssessmentResult> {
    const errors: Partial<Record<AssessmentField, 'required' | 'too_long' | 'invalid'>> = {};
    const level = Number(draft.level);
    if (draft.level.trim() === '') errors.level = 'required';
    else if (level !== 1 && level !== 2 && level !== 3) errors.level = 'invalid';
    const reason = draft.reason.replace(/\s+/g, ' ').trim();
    if (reason === '') errors.reason = 'required';
    else if (reason.length > REASON_MAX) errors.reason = 'too_long';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const guarded = guardAssessment({ reason }, privacy);
    if (!guarded.ok) return { ok: false, personalData: guarded.findings };
    const now = this.clock.now();
    const assessment: AreaAssessment = {
      areaId: draft.areaId, weekStart: weekStart(now, this.zone), level: level as 1 | 2 | 3, reason: guarded.value.reason, setBy: actor.userId, setAt: now,
    };
    await this.est.saveAssessment(scope, assessment);
    await this.record(scope, actor, 'est.assessed', 'place', draft.areaId, String(level));
    return { ok: true, assessment };
  }

  /** The tertial's priority areas, chosen on the card: known areas of the tenant only, each once, in order. */
  async choosePriorities(scope: ChatScope, actor: Actor, areaIds: readonly string[]): Promise<string[]> {
    const known = new Set((await this.areas(scope)).map((a) => a.id));
    const chosen = [...new Set(areaIds.filter((id) => known.has(id)))].slice(0, PRIORITY_AREAS_MAX);
    await this.est.savePriorities(scope, tertialOf(this.clock.now(), this.zone), chosen, actor.userId, this.clock.now());
    await this.record(scope, actor, 'est.priorities', 'action', null, String(chosen.length));
    return chosen;
  }

  async priorityIds(scope: ChatScope): Promise<string[]> {
    return this.est.priorities(scope, tertialOf(this.clock.now(), this.zone));
  }

  /** The EST part of the lägesbild: the tertial's priority areas first, then each area's last eight weeks. */
  async picture(scope: ChatScope): Promise<EstPicture> {
    const now = this.clock.now();
    const places = await this.register.all(scope, PLACE_REGISTER_MAX);
    const areas = areasOf(places);
    const byId = new Map(areas.map((a) => [a.id, a]));
    const tertial = tertialOf(now, this.zone);
    const weeks = recentWeekStarts(now, ASSESSMENT_WEEKS, this.zone);
    const [priorityIds, assessments, active] = await Promise.all([
      this.est.priorities(scope, tertial), this.est.assessments(scope, weeks), this.hotspots.listActive(scope),
    ]);
    const measures = await this.hotspots.measures(scope, active.map((h) => h.id));
    const parentOf = new Map(places.map((p) => [p.id, p.parentId]));
    const priorities = priorityIds.flatMap((id) => {
      const area = byId.get(id);
      if (!area) return [];
      const inArea = active.filter((h) => h.placeId === id || parentOf.get(h.placeId) === id);
      const open = measures.filter((m) => m.doneAt === null && inArea.some((h) => h.id === m.hotspotId)).length;
      return [{ area, hotSpots: inArea.map((h) => h.placeName), openMeasures: open }];
    });
    const trends = areas.map((area): AreaTrend => {
      const own = assessments.filter((a) => a.areaId === area.id);
      return {
        area,
        levels: weeks.map((w) => own.find((a) => a.weekStart === w)?.level ?? null),
        latestReason: own.at(-1)?.reason ?? null,
      };
    }).filter((t) => t.levels.some((l) => l !== null) || priorityIds.includes(t.area.id));
    return { scale: this.scale, tertial, priorities, weeks, areas: trends };
  }

  private record(scope: TenantScope, actor: Actor, action: 'est.reporter_added' | 'est.reporter_removed' | 'est.meeting' | 'est.assessed' | 'est.priorities' | 'est.nothing_to_report',
    entityKind: 'user' | 'place' | 'action', entityId: string | null, detail: string | null): Promise<void> {
    return this.audit.record({ at: this.clock.now(), tenantId: scope.tenantId, actorId: actor.userId, action, entityKind, entityId, entityRef: null, detail });
  }
}

/** The places other places lie in (the register's parent areas), by name. */
export function areasOf(places: readonly RegisteredPlace[]): Area[] {
  const parents = new Set(places.map((p) => p.parentId).filter((id): id is string => id !== null));
  return places.filter((p) => parents.has(p.id)).map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
