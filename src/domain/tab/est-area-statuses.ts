import { recentWeekStarts } from '../est/est-week';
import { ASSESSMENT_WEEKS } from '../est/est-service';
import type { EstRepository } from '../est/est.port';
import type { Clock } from '../ports/clock.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import { PLACE_REGISTER_MAX } from '../places/place-register';
import type { ChatScope } from '../scope';
import type { AreaStatus, AreaStatusSource } from './map-layers';

/** The status codes the tab colours, by the EST scale's level (1 best). */
const STATUS_OF_LEVEL = { 1: 'gron', 2: 'gul', 3: 'rod' } as const;

/**
 * The map's areas from the EST week: each area assessed in the conversation within the lägesbild's
 * eight weeks, with its latest level; an area without coordinates in the register is not drawn.
 */
export class EstAreaStatuses implements AreaStatusSource {
  constructor(
    private readonly est: Pick<EstRepository, 'assessments'>,
    private readonly register: Pick<PlaceRegisterRepository, 'all'>,
    private readonly clock: Clock,
    private readonly zone: string,
  ) {}

  async latest(scope: ChatScope): Promise<AreaStatus[]> {
    const weeks = recentWeekStarts(this.clock.now(), ASSESSMENT_WEEKS, this.zone);
    const assessments = await this.est.assessments(scope, weeks);
    if (assessments.length === 0) return [];
    const latest = new Map<string, (typeof assessments)[number]>();
    for (const a of assessments) {
      const seen = latest.get(a.areaId);
      if (!seen || a.weekStart > seen.weekStart) latest.set(a.areaId, a);
    }
    const places = await this.register.all(scope, PLACE_REGISTER_MAX);
    return places.flatMap((p) => {
      const a = latest.get(p.id);
      if (!a || p.lat === null || p.lon === null) return [];
      return [{ name: p.name, lat: p.lat, lon: p.lon, status: STATUS_OF_LEVEL[a.level] }];
    });
  }
}
