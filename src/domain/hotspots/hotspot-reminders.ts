import { DateTime } from 'luxon';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { HotspotReminder, ReminderPoster } from '../ports/reminder-poster.port';

/**
 * Posts the reminders whose day has come: follow-up dates and measures' due dates. Each is marked
 * once posted, so that running this every hour (or after a restart) reminds once. A reminder whose
 * channel cannot be reached is left unmarked and tried again next time.
 */
export class HotspotReminders {
  constructor(private readonly hotspots: HotspotRepository, private readonly poster: ReminderPoster, private readonly timeZone = 'Europe/Stockholm') {}

  async dueReminders(now: Date, stopRequested: () => boolean = () => false): Promise<{ posted: number; failed: number }> {
    const today = DateTime.fromJSDate(now, { zone: this.timeZone }).toFormat('yyyy-MM-dd');
    const reminders: { reminder: HotspotReminder; mark: () => Promise<void> }[] = [];
    for (const hotspot of await this.hotspots.followUpsDue(today)) {
      reminders.push({ reminder: { kind: 'follow_up', hotspot }, mark: () => this.hotspots.markFollowUpReminded(hotspot.origin, hotspot.id, hotspot.followUpDate ?? today) });
    }
    for (const { tenant, measure } of await this.hotspots.measuresDue(today)) {
      const hotspot = await this.hotspots.get(tenant, measure.hotspotId);
      if (hotspot) reminders.push({ reminder: { kind: 'measure_due', hotspot, measure }, mark: () => this.hotspots.markMeasureReminded(tenant, measure.id) });
    }
    let posted = 0;
    let failed = 0;
    for (const { reminder, mark } of reminders) {
      // The instance stops: the rest stay unmarked for the instance that takes the job over.
      if (stopRequested()) break;
      if (!(await this.poster.post(reminder))) {
        failed++;
        continue;
      }
      await mark();
      posted++;
    }
    return { posted, failed };
  }
}
