import type { HotspotFeature } from './hotspot-feature';
import { hotspotCommands, hotspotVerbs } from './hotspot-entries';
import { createRegistry, type CommandEntry, type Registry, type VerbEntry } from './registry/entries';
import { targets } from './registry/targets';
import { reportCommands, reportVerbs } from './report-entries';
import { sharedCardVerbs } from './shared-card-entries';
import type { ReportViews } from './report-views';
import { trustCommands } from './trust-commands';
import { estCommands, estVerbs, type EstFeature } from './est-entries';
import type { ReportingService } from '../domain/reporting-service';
import type { Store } from '../domain/ports/store.port';
import type { Clock } from '../domain/ports/clock.port';

export interface RegistryDeps {
  reporting: ReportingService;
  views: ReportViews;
  hotspots: HotspotFeature;
  store: Pick<Store, 'users' | 'coordinators' | 'audit' | 'memberships'>;
  clock: Clock;
  /** The EST week (issue 12): its buttons load areas through the registry's place target. */
  est?: EstFeature;
  /** Features wired elsewhere (the lägesbild) add their entries here. */
  more?: { verbs: VerbEntry[]; commands: CommandEntry[] };
}

/** Every card verb and command of the bot, each with its payload schema, target and right. */
export function buildRegistry(d: RegistryDeps): Registry {
  const t = targets({ reporting: d.reporting, hotspots: d.hotspots.hotspots, places: d.hotspots.places });
  const reportDeps = { reporting: d.reporting, views: d.views, targets: t };
  return createRegistry(
    [...reportVerbs(reportDeps), ...hotspotVerbs(d.hotspots, t), ...sharedCardVerbs({ access: d.reporting.access, hotspots: d.hotspots.hotspots, targets: t }), ...(d.more?.verbs ?? []),
      ...(d.est ? estVerbs(d.est, t) : [])],
    [...reportCommands(reportDeps), ...trustCommands({ store: d.store, clock: d.clock }), ...hotspotCommands(d.hotspots), ...(d.more?.commands ?? []),
      ...(d.est ? estCommands(d.est) : [])],
  );
}
