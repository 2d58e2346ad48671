import type { Hotspot, Measure } from '../hotspots/hotspot';

/** A reminder for a hot spot's owner: its follow-up day has come, or a measure is due. */
export type HotspotReminder =
  | { kind: 'follow_up'; hotspot: Hotspot }
  | { kind: 'measure_due'; hotspot: Hotspot; measure: Measure };

/**
 * Posts a reminder in the hot spot's channel, @mentioning its owner. Implemented at the Teams edge
 * (proactive messaging); resolves false when the channel cannot be reached (the bot was removed).
 */
export interface ReminderPoster {
  post(reminder: HotspotReminder): Promise<boolean>;
}
