import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/store/create-store';
import { localYear } from '../../src/domain/form-fields';
import { STOCKHOLM } from '../../src/domain/periods';
import type { IncidentCategory, Severity } from '../../src/domain/vocabulary';
import type { Store } from '../../src/domain/ports/store.port';
import { startEcho, type BotUnderTest } from './bots';

// A second baseline for measures 1 and 7: the echo bot that, before it answers a report submit, saves the
// report through Trygghetsboten's own SQLite store (the production adapter, its migrations, its checkpoint
// worker) exactly as a submit does: the submit key looked up, the place found or created, the incident
// written with its reference number, day counts and audit row, in one transaction. Nothing else of the
// bot: no Teams edge, no validation, no personal-data guard, no card. The bot against it shows what the
// rest of the bot costs; it against the bare echo shows what a durable, audited write alone costs.

interface SubmitData {
  submitKey: string;
  newPlace: string;
  category: IncidentCategory;
  description: string;
  severity: Severity;
  youthInvolved: string;
}

/** When every bench submit says it happened (report-traffic.ts: 24 November 2026, 21:15 in Stockholm). */
const OCCURRED_AT = new Date('2026-11-24T20:15:00Z');

async function save(store: Store, activity: { value: { action: { data: SubmitData } }; conversation: { id: string; tenantId: string }; from: { aadObjectId: string; name: string } }): Promise<string> {
  const data = activity.value.action.data;
  const origin = { tenantId: activity.conversation.tenantId, conversationId: activity.conversation.id };
  const saved = await store.incidents.findBySubmitKey(origin, data.submitKey);
  if (saved) return saved.ref;
  const now = new Date();
  const place = await store.places.findOrCreate(origin, data.newPlace, now);
  const report = await store.incidents.create({
    fields: {
      occurredAt: OCCURRED_AT, placeId: place.id, placeName: place.name, category: data.category, description: data.description,
      severity: data.severity, organisation: 'polisen', school: null, youthInvolved: Number(data.youthInvolved), policeReportNumber: null,
      schoolId: null, concernReported: null,
    },
    reporter: { userId: activity.from.aadObjectId, name: activity.from.name }, origin, organisationConfirmed: false,
    refYear: localYear(now, STOCKHOLM), now, placeReadInTenant: true, submitKey: data.submitKey,
  });
  return report.ref;
}

/** The saving echo in this process, on a SQLite file of its own, answering to a fake Bot Connector. */
export async function startSavingEcho(): Promise<BotUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-saving-echo-'));
  const store = await createStore(`sqlite:${join(dir, 'saving-echo.db')}`);
  const closeStore = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const echo = await startEcho((activity) => save(store, activity));
    return { ...echo, stop: async () => { await echo.stop(); await closeStore(); } };
  } catch (error) {
    await closeStore();
    throw error;
  }
}
