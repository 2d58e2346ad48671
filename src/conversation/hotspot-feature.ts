import { emergingHotspots, type EmergingPlace } from '../domain/hotspots/emerging-hotspots';
import { HotspotService } from '../domain/hotspots/hotspot-service';
import { HotspotSummaries } from '../domain/hotspots/hotspot-summaries';
import { QuickReportService } from '../domain/hotspots/quick-report-service';
import { PlaceRegisterService } from '../domain/places/place-register-service';
import type { Clock } from '../domain/ports/clock.port';
import type { HotSpotSummarySource } from '../domain/ports/hot-spot-summary.port';
import type { Store } from '../domain/ports/store.port';
import type { ReportingService } from '../domain/reporting-service';
import type { TenantScope } from '../domain/scope';
import type { ReportViews } from './report-views';

/** What the hot spot commands and card actions work with, wired in the composition root. */
export interface HotspotFeature {
  quick: QuickReportService;
  hotspots: HotspotService;
  places: PlaceRegisterService;
  reporting: ReportingService;
  views: ReportViews;
  /** The emerging hot spot rule run over every place of the tenant now. */
  emerging(scope: TenantScope): Promise<EmergingPlace[]>;
  now(): Date;
  /** The hot spot section of the lägesbild. */
  summaries: HotSpotSummarySource;
}

/** Builds the hot spot feature from the store port and the reporting service it reuses. */
export function createHotspotFeature(store: Store, reporting: ReportingService, views: ReportViews, clock: Clock, effectWeeks: number): HotspotFeature {
  const hotspots = new HotspotService(store, clock, { effectWeeks, timeZone: reporting.timeZone }, reporting.access);
  const emerging = (scope: TenantScope) => emergingHotspots(store, scope, clock.now(), reporting.timeZone);
  return {
    quick: new QuickReportService(store, reporting, clock),
    hotspots,
    places: new PlaceRegisterService(store.placeRegister),
    reporting,
    views,
    emerging,
    summaries: new HotspotSummaries(store.hotspots, emerging),
    now: () => clock.now(),
  };
}
