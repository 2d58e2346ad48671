import type { AccessPolicy } from '../access-policy';
import { DateTime } from 'luxon';
import type { Clock } from '../ports/clock.port';
import type { HotspotChange, HotspotRepository, IncidentStamp, PlaceHistoryRepository, VisitStamp } from '../ports/hotspots.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import { placeAndChildren, PLACE_REGISTER_MAX } from '../places/place-register';
import type { ReportOrigin } from '../report';
import type { TenantScope } from '../scope';
import type { Actor } from '../reporting-service';
import { effectOf, type Effect } from './effect';
import { ACTIVITY_TYPES } from '../vocabulary';
import { canMoveHotspot, isActive, nextHotspotState, type Analysis, type Hotspot, type Measure } from './hotspot';
import {
  validateAnalysis, validateFollowUp, validateMeasure, type AnalysisForm, type MeasureDraft, type MeasureFormField,
} from './hotspot-forms';
import { recentTrend, WEEK_MS, weeksBack } from './weekly-counts';
import type { FieldErrors } from '../form-fields';
import { guardAnalysis, guardMeasure, type PrivacyChoice } from '../privacy/guard-reports';
import type { FieldFinding } from '../privacy/mask-fields';

export type HotspotRefusal = 'missing' | 'conflict' | 'invalid_transition';

export type HotspotOutcome<K extends string = never> =
  | { ok: true; hotspot: Hotspot }
  | { ok: false; reason: 'invalid'; errors: FieldErrors<K>; current: Hotspot | null }
  /** Personal data in a free-text field: the person is told before anything is stored masked. */
  | { ok: false; reason: 'personal_data'; findings: FieldFinding<K>[]; current: Hotspot | null }
  | { ok: false; reason: HotspotRefusal; current: Hotspot | null };

export interface HotspotView {
  hotspot: Hotspot;
  measures: Measure[];
  /** Incidents at the place (and the places inside it) in the weeks shown, oldest first. */
  incidents: IncidentStamp[];
  /** How many weeks back the incidents reach. */
  timelineWeeks: number;
  /** Every activity (of any type) logged at the place, a place inside it, or the area it lies in, oldest first. */
  activities: VisitStamp[];
  /** The area the place lies in, for naming an activity logged there; null when it lies in no area. */
  area: { id: string; name: string } | null;
  /** Shown from "följs upp" on, when there is a first measure to count from. */
  effect: Effect | null;
}

export interface ActiveHotspotRow {
  hotspot: Hotspot;
  trend: ReturnType<typeof recentTrend>;
  overdueMeasures: number;
}

export interface HotspotSettings {
  /** N in "N weeks before the first measure against N weeks after". */
  effectWeeks: number;
  timeZone: string;
  /** How far back the hot spot card's timeline reaches. */
  timelineWeeks?: number;
}

type HotspotStore = { hotspots: HotspotRepository; placeHistory: PlaceHistoryRepository; placeRegister: PlaceRegisterRepository };

/**
 * The SARA lifecycle of a hot spot. Hot spots belong to a tenant; changes take the hot spot as loaded
 * within the caller's tenant, after the caller's right was checked (conversation/registry). Every
 * change names the version it read, so that two people pressing at once cannot overwrite each other.
 */
export class HotspotService {
  constructor(
    private readonly store: HotspotStore,
    private readonly clock: Clock,
    private readonly settings: HotspotSettings,
    private readonly access: Pick<AccessPolicy, 'organisationOf'>,
  ) {}

  /**
   * Starts the place's hot spot, or starts a closed one again: the starter owns it for their confirmed
   * organisation. `place` is the tenant's, loaded in scope.
   */
  async start(actor: Actor, origin: ReportOrigin, place: { id: string }):
    Promise<HotspotOutcome | { ok: false; reason: 'need_organisation' } | { ok: false; reason: 'already_active'; current: Hotspot }> {
    const owner = await this.access.organisationOf(origin, actor);
    if (!owner) return { ok: false, reason: 'need_organisation' };
    const person = { userId: actor.userId, name: actor.name };
    const now = this.clock.now();
    const created = await this.store.hotspots.create({ placeId: place.id, ownerOrganisation: owner, owner: person, createdBy: person, origin, now });
    if (created.ok) return created;
    if (isActive(created.current)) return { ok: false, reason: 'already_active', current: created.current };
    return this.change(actor, origin, created.current, created.current.version, () => ({ state: 'kartlaggs', owner: { organisation: owner, person } }));
  }

  get(scope: TenantScope, id: string): Promise<Hotspot | null> {
    return this.store.hotspots.get(scope, id);
  }

  byPlace(scope: TenantScope, placeId: string): Promise<Hotspot | null> {
    return this.store.hotspots.byPlace(scope, placeId);
  }

  async moveNext(actor: Actor, scope: TenantScope, current: Hotspot, version: number): Promise<HotspotOutcome> {
    return this.change(actor, scope, current, version, (h) => {
      const next = nextHotspotState(h.state);
      return next && canMoveHotspot(h.state, next) ? { state: next } : 'invalid_transition';
    });
  }

  async addMeasure(actor: Actor, scope: TenantScope, current: Hotspot, version: number, draft: MeasureDraft, privacy: PrivacyChoice = {}): Promise<HotspotOutcome<MeasureFormField>> {
    const checked = validateMeasure(draft);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, current };
    const guarded = guardMeasure(checked.value, privacy);
    if (!guarded.ok) return { ...guarded, current };
    return this.change(actor, scope, current, version, () => ({ addMeasure: { ...guarded.value, createdBy: { userId: actor.userId, name: actor.name } } }));
  }

  async markMeasureDone(actor: Actor, scope: TenantScope, current: Hotspot, version: number, measureId: string): Promise<HotspotOutcome> {
    return this.change(actor, scope, current, version, () => ({ measureDone: measureId }));
  }

  async setFollowUp(actor: Actor, scope: TenantScope, current: Hotspot, version: number, date: string | null): Promise<HotspotOutcome<'followUpDate'>> {
    const checked = validateFollowUp(date);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, current };
    return this.change(actor, scope, current, version, () => ({ followUpDate: checked.value }));
  }

  async setAnalysis(actor: Actor, scope: TenantScope, current: Hotspot, version: number, form: AnalysisForm, privacy: PrivacyChoice = {}): Promise<HotspotOutcome<keyof Analysis>> {
    const checked = validateAnalysis(form);
    if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, current };
    const guarded = guardAnalysis(checked.value, privacy);
    if (!guarded.ok) return { ...guarded, current };
    return this.change(actor, scope, current, version, () => ({ analysis: guarded.value }));
  }

  async view(scope: TenantScope, hotspot: Hotspot): Promise<HotspotView> {
    const now = this.clock.now();
    const register = await this.store.placeRegister.all(scope, PLACE_REGISTER_MAX);
    const placeIds = placeAndChildren(hotspot.placeId, register);
    const parentId = register.find((p) => p.id === hotspot.placeId)?.parentId ?? null;
    const parent = register.find((p) => p.id === parentId) ?? null;
    // An activity logged for the whole area (a night walk through Centrum) is work at the place too.
    const [measures, activities] = await Promise.all([
      this.store.hotspots.measures(scope, [hotspot.id]),
      this.store.placeHistory.visits(scope, parent ? [...placeIds, parent.id] : placeIds, ACTIVITY_TYPES),
    ]);
    const timelineWeeks = this.settings.timelineWeeks ?? 12;
    const incidents = await this.store.placeHistory.incidents(scope, placeIds, weeksBack(now, timelineWeeks), now);
    return {
      hotspot, measures, incidents, timelineWeeks, activities, area: parent ? { id: parent.id, name: parent.name } : null,
      effect: await this.effect(scope, hotspot, measures, activities, parent ? placeAndChildren(parent.id, register) : null, placeIds, now),
    };
  }

  /** How many incidents the tenant has at the place (and the places within it), all time: is there anything to start from. */
  async incidentCount(scope: TenantScope, placeId: string): Promise<number> {
    const register = await this.store.placeRegister.all(scope, PLACE_REGISTER_MAX);
    const incidents = await this.store.placeHistory.incidents(scope, placeAndChildren(placeId, register), new Date(0), this.clock.now());
    return incidents.length;
  }

  /** The tenant's active hot spots with overdue measures first, then by the next follow-up day. */
  async listActive(scope: TenantScope): Promise<ActiveHotspotRow[]> {
    const now = this.clock.now();
    const today = this.today(now);
    const hotspots = await this.store.hotspots.listActive(scope);
    if (hotspots.length === 0) return [];
    const register = await this.store.placeRegister.all(scope, PLACE_REGISTER_MAX);
    const measures = await this.store.hotspots.measures(scope, hotspots.map((h) => h.id));
    const stamps = await this.store.placeHistory.incidents(scope, null, weeksBack(now, 8), now);
    const rows = hotspots.map((hotspot) => {
      const places = new Set(placeAndChildren(hotspot.placeId, register));
      return {
        hotspot,
        trend: recentTrend(stamps.filter((s) => places.has(s.placeId)), now),
        overdueMeasures: measures.filter((m) => m.hotspotId === hotspot.id && !m.doneAt && m.dueDate !== null && m.dueDate < today).length,
      };
    });
    return rows.sort((a, b) => b.overdueMeasures - a.overdueMeasures
      || (a.hotspot.followUpDate ?? '9999').localeCompare(b.hotspot.followUpDate ?? '9999'));
  }

  today(now = this.clock.now()): string {
    return DateTime.fromJSDate(now, { zone: this.settings.timeZone }).toFormat('yyyy-MM-dd');
  }

  private async effect(
    scope: TenantScope, hotspot: Hotspot, measures: Measure[], activities: VisitStamp[], areaIds: string[] | null, placeIds: string[], now: Date,
  ): Promise<Effect | null> {
    if (hotspot.state !== 'foljs_upp' && hotspot.state !== 'avslutad') return null;
    const done = activities.map((a) => ({ occurredAt: this.startOfDay(a.date) }));
    const started = DateTime.fromJSDate(hotspot.createdAt, { zone: this.settings.timeZone }).startOf('day').toJSDate();
    const since = workBegan(started, measures, done);
    if (!since) return null;
    const weeks = this.settings.effectWeeks;
    const from = weeksBack(since, weeks);
    const to = new Date(since.getTime() + weeks * WEEK_MS);
    const atPlace = await this.store.placeHistory.incidents(scope, placeIds, from, to);
    const inArea = areaIds ? await this.store.placeHistory.incidents(scope, areaIds, from, to) : null;
    return effectOf(since, weeks, now, atPlace, inArea, done);
  }

  private startOfDay(day: string): Date {
    return DateTime.fromISO(day, { zone: this.settings.timeZone }).startOf('day').toJSDate();
  }

  /** Checks the version the user saw, then applies within the tenant: the one path every change takes. */
  private async change<K extends string>(
    actor: Actor, scope: TenantScope, current: Hotspot, version: number,
    decide: (current: Hotspot) => Omit<HotspotChange, 'id' | 'expectedVersion' | 'actorId' | 'now'> | 'invalid_transition',
  ): Promise<HotspotOutcome<K>> {
    if (current.version !== version) return { ok: false, reason: 'conflict', current };
    const change = decide(current);
    if (change === 'invalid_transition') return { ok: false, reason: 'invalid_transition', current };
    const result = await this.store.hotspots.update(scope, { id: current.id, expectedVersion: version, actorId: actor.userId, now: this.clock.now(), ...change });
    if (result.ok) return result;
    return { ok: false, reason: result.reason, current: await this.store.hotspots.get(scope, current.id) };
  }
}

/**
 * When the work at the hot spot began: its first measure, or the first activity at the place on or after
 * the day it was started (a walk there last year is history, not this hot spot's work). Null: nothing done yet.
 */
function workBegan(started: Date, measures: readonly Measure[], activities: readonly { occurredAt: Date }[]): Date | null {
  const times = [
    ...measures.map((m) => m.createdAt.getTime()),
    ...activities.map((a) => a.occurredAt.getTime()).filter((t) => t >= started.getTime()),
  ];
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
