import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { emergingHotspots } from '../../src/domain/hotspots/emerging-hotspots';
import { WEEKS_NEEDED } from '../../src/domain/hotspots/emerging-rule';
import { weeksBack } from '../../src/domain/hotspots/weekly-counts';
import { recentWeeks } from '../../src/domain/periods';
import { BUSY, DATA_END, generateIncidents } from '../support/incident-data';
import { figure, type Figure } from '../support/results';
import { size } from '../support/settings';
import { medianOf } from '../support/timing';

const MEASURE = '6 hot spots';

/**
 * 6. Emerging hot spot detection over a tenant's 1 k places and two years of incidents. Baseline: one
 * SQL GROUP BY place and week over the same rows (what counts kept per week would cost to read).
 */
export async function hotspots(): Promise<Figure[]> {
  const incidents = size(100_000, 5_000);
  const places = size(1_000, 100);
  const data = await generateIncidents(incidents, places);
  const raw = openSqliteDatabase(data.file, { readonly: true });
  try {
    const now = DATA_END;
    const from = weeksBack(now, WEEKS_NEEDED);
    const scope = { tenantId: BUSY.tenantId };
    const grouped = raw.prepare(`SELECT place_id, CAST((julianday(occurred_at) - julianday(?)) / 7 AS INTEGER) AS week, COUNT(*) AS n
      FROM incidents WHERE tenant_id = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY place_id, week`);
    const floor = await medianOf(5, () => grouped.all(from.toISOString(), scope.tenantId, from.toISOString(), now.toISOString()));
    const weeks = recentWeeks(now, WEEKS_NEEDED);
    const count = await medianOf(5, () => data.store.placeHistory.weeklyIncidentCounts(scope, weeks));
    const detect = await medianOf(5, () => emergingHotspots(data.store, scope, now));
    const label = `${places} places, ${WEEKS_NEEDED} weeks, ${incidents} incidents (half in this tenant)`;
    return [
      figure(MEASURE, `detection: ${label}`, detect, 'ms', { name: 'SQL GROUP BY place, week', value: floor }),
      figure(MEASURE, 'of which counting per place and week in the store', count, 'ms', { name: 'SQL GROUP BY place, week', value: floor }),
    ];
  } finally {
    raw.close();
    await data.close();
  }
}
