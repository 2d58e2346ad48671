import { DateTime } from 'luxon';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { HotspotReminder, ReminderPoster } from '../ports/reminder-poster.port';

/** Reminders go out at the start of the working day, local time, not at midnight. */
export const REMINDER_HOUR = 8;

/**
 * The last day whose reminders are due at `now`: today from the reminder hour on, yesterday before it
 * (a reminder left over from yesterday, its channel unreachable then, still goes out at night).
 */
export function reminderDay(now: Date, timeZone: string, hour = REMINDER_HOUR): string {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return (local.hour >= hour ? local : local.minus({ days: 1 })).toFormat('yyyy-MM-dd');
}

/**
 * Posts the reminders whose day has come, from the reminder hour on: follow-up dates and measures'
 * due dates. Each is marked once posted, so that running this every quarter of an hour (or after a
 * restart) reminds once. A reminder whose channel cannot be reached is left unmarked and tried again next time.
 */
export class HotspotReminders {
  constructor(
    private readonly hotspots: HotspotRepository,
    private readonly poster: ReminderPoster,
    private readonly timeZone = 'Europe/Stockholm',
    private readonly hour = REMINDER_HOUR,
  ) {}

  async dueReminders(now: Date, stopRequested: () => boolean = () => false): Promise<{ posted: number; failed: number }> {
    const today = reminderDay(now, this.timeZone, this.hour);
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
