import { DateTime } from 'luxon';
import type { OncePerConversation } from '../jobs/once-per-conversation';
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

/** The lease name of each reminder's post (the job that runs them every quarter of an hour is 'hotspot-reminders'). */
export const REMINDER_POST_JOB = 'hotspot-reminder';

/**
 * Posts the reminders whose day has come, from the reminder hour on: follow-up dates and measures'
 * due dates. Each is posted under a lease of its own and marked once posted, so that running this every
 * quarter of an hour (or after a restart, or on another instance while a long run goes on) reminds
 * once; a run that threw between a post and its mark marks it the next time instead of posting again.
 * A reminder whose channel cannot be reached is left unmarked and tried again next time.
 */
export class HotspotReminders {
  constructor(
    private readonly hotspots: HotspotRepository,
    private readonly poster: ReminderPoster,
    private readonly once: OncePerConversation,
    private readonly timeZone = 'Europe/Stockholm',
    private readonly hour = REMINDER_HOUR,
  ) {}

  async dueReminders(now: Date, stopRequested: () => boolean = () => false): Promise<{ posted: number; failed: number }> {
    const today = reminderDay(now, this.timeZone, this.hour);
    /** `key`: the reminder's lease: its day (or due date) and what it is about. */
    const reminders: { reminder: HotspotReminder; key: [string, string]; mark: () => Promise<void> }[] = [];
    for (const hotspot of await this.hotspots.followUpsDue(today)) {
      const day = hotspot.followUpDate ?? today;
      reminders.push({ reminder: { kind: 'follow_up', hotspot }, key: [`follow-up:${day}`, hotspot.id], mark: () => this.hotspots.markFollowUpReminded(hotspot.origin, hotspot.id, day) });
    }
    for (const { tenant, measure } of await this.hotspots.measuresDue(today)) {
      const hotspot = await this.hotspots.get(tenant, measure.hotspotId);
      if (hotspot) reminders.push({ reminder: { kind: 'measure_due', hotspot, measure }, key: [`measure:${measure.dueDate}`, measure.id], mark: () => this.hotspots.markMeasureReminded(tenant, measure.id) });
    }
    let posted = 0;
    let failed = 0;
    for (const { reminder, key, mark } of reminders) {
      // The instance stops: the rest stay unmarked for the instance that takes the job over.
      if (stopRequested()) break;
      const result = await this.once.post(REMINDER_POST_JOB, key[0], key[1], now, async () => (await this.poster.post(reminder) ? 'posted' : 'failed'));
      if (result === 'failed') failed++;
      // Posted now, or before by a run that did not get to mark it: marked; being posted elsewhere: left.
      if (result === 'posted' || result === 'done') await mark();
      if (result === 'posted') posted++;
    }
    return { posted, failed };
  }
}
