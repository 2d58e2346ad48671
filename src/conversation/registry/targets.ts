import type { Target } from '../../domain/access-policy';
import type { HotspotService } from '../../domain/hotspots/hotspot-service';
import type { PlaceRegisterService } from '../../domain/places/place-register-service';
import type { ReportKind } from '../../domain/report';
import type { ReportingService } from '../../domain/reporting-service';
import type { SchoolRepository } from '../../domain/ports/schools.port';
import type { TargetSpec } from './entries';

type Report = Extract<Target, { kind: 'report' }>;
type HotspotTarget = Extract<Target, { kind: 'hotspot' }>;
type PlaceTarget = Extract<Target, { kind: 'place' }>;
type SchoolTarget = Extract<Target, { kind: 'school' }>;
type None = Extract<Target, { kind: 'none' }>;

/** Entries that act on no stored item (lists, new forms): what they read is scoped by their services. */
export const noTarget: TargetSpec<unknown, None> = { kind: 'none', load: async () => ({ kind: 'none' }) };

/** A report of the caller's conversation by kind and id (also for features outside the core registry). */
export function reportTarget<P extends { kind: ReportKind; id: string }>(reporting: Pick<ReportingService, 'get'>): TargetSpec<P, Report> {
  return {
    kind: 'report',
    load: async (ctx, p) => {
      const report = await reporting.get(ctx.scope, p.kind, p.id);
      return report ? { kind: 'report', report } : null;
    },
  };
}

/**
 * A school of the caller's tenant, by the id in the payload's field `key` (the register's cards say
 * `id`, the call-out cards `schoolId`): another tenant's is as unknown as one that never existed.
 */
export function schoolTarget<K extends string>(schools: Pick<SchoolRepository, 'get'>, key: K): TargetSpec<Record<K, string>, SchoolTarget> {
  return {
    kind: 'school',
    load: async (ctx, p) => {
      const school = await schools.get(ctx.scope, p[key]);
      return school ? { kind: 'school', school } : null;
    },
  };
}

export interface TargetSources {
  reporting: Pick<ReportingService, 'get'>;
  hotspots: Pick<HotspotService, 'get' | 'byPlace'>;
  places: Pick<PlaceRegisterService, 'get'>;
}

/**
 * The loaders: each searches only the caller's scope (a report in its conversation, a hot spot or a
 * place in its tenant), so an id from elsewhere finds nothing, exactly like an id that never existed.
 */
export function targets(sources: TargetSources) {
  return {
    report: <P extends { kind: ReportKind; id: string }>() => reportTarget<P>(sources.reporting),
    hotspot: <P extends { id: string }>(): TargetSpec<P, HotspotTarget> => ({
      kind: 'hotspot',
      load: async (ctx, p) => {
        const hotspot = await sources.hotspots.get(ctx.scope, p.id);
        return hotspot ? { kind: 'hotspot', hotspot } : null;
      },
    }),
    place: <P extends { placeId: string }>(): TargetSpec<P, PlaceTarget> => ({
      kind: 'place',
      load: async (ctx, p) => {
        const place = await sources.places.get(ctx.scope, p.placeId);
        return place ? { kind: 'place', place, hotspot: await sources.hotspots.byPlace(ctx.scope, place.id) } : null;
      },
    }),
  };
}

export type Targets = ReturnType<typeof targets>;
