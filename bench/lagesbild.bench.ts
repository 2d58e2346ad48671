/**
 * `npm run bench`: how the bot's hot paths compare with a baseline measured in the same run on the
 * same data, so the printed ratios mean something on a noisy machine. Not a test: nothing fails here.
 *
 * 1. A year's lägesbild built from SQL aggregates, against loading every incident row of the same
 *    period (what the aggregates replace). Target: the aggregates stay well below the baseline.
 * 2. A report submitted through the whole domain path (validation, personal-data guard, numbering,
 *    audit row, one transaction), against a bare INSERT of the same row. Target: a small multiple.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readIncidentForm } from '../src/cards/forms/report-forms';
import { AccessPolicy } from '../src/domain/access-policy';
import { LagesbildService } from '../src/domain/lagesbild/lagesbild-service';
import { STOCKHOLM, yearPeriod } from '../src/domain/periods';
import { ReportingService } from '../src/domain/reporting-service';
import { createStore } from '../src/store/create-store';

const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const scope = { tenantId: 'bench-tenant', conversationId: 'bench-channel' };

/** Median of several rounds, in milliseconds. */
async function median(run: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function line(name: string, ms: number, baselineMs: number): void {
  process.stdout.write(`${name.padEnd(48)} ${ms.toFixed(2).padStart(9)} ms   ratio ${(ms / baselineMs).toFixed(2)} × baseline\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-bench-'));
  const file = join(dir, 'bench.db');
  const store = await createStore(`sqlite:${file}`);
  let now = new Date('2026-12-20T12:00:00Z');
  const clock = { now: () => now };
  const reporting = new ReportingService(store, clock, new AccessPolicy([], store));
  const actor = { userId: 'bench-user', name: 'Bänk', tenantId: scope.tenantId };
  const categories = ['skadegorelse_klotter', 'nedskrapning', 'ordningsstorning', 'stold_inbrott_ran', 'hot_vald'];

  process.stdout.write(`Filling ${INCIDENTS} incidents over 2026 …\n`);
  for (let i = 0; i < INCIDENTS; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 350) * 86_400_000).toISOString().slice(0, 10);
    const read = readIncidentForm({
      date: day, time: '21:00', newPlace: `Plats ${i % 40}`, category: categories[i % categories.length]!, description: `Händelse ${i}`,
      organisation: 'polisen', youthInvolved: String(i % 4), ...(i % 5 === 0 ? { school: `Skola ${i % 6}` } : {}),
    }, STOCKHOLM, now);
    if (!read.ok) throw new Error(`fill failed at ${i}`);
    const outcome = await reporting.submitIncident(actor, scope, read.draft);
    if (!outcome.ok) throw new Error(`fill failed at ${i}`);
  }

  const period = yearPeriod(2026);
  const raw = new Database(file, { readonly: true });
  const loadEveryRow = raw.prepare('SELECT * FROM incidents WHERE tenant_id = ? AND conversation_id = ? AND occurred_at >= ? AND occurred_at < ?');
  const baseline = await median(() => {
    const rows = loadEveryRow.all(scope.tenantId, scope.conversationId, period.from.toISOString(), period.to.toISOString()) as { category: string }[];
    const byCategory = new Map<string, number>();
    for (const r of rows) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    return byCategory;
  });
  const lagesbild = new LagesbildService(store.lagesbild, clock);
  const built = await median(() => lagesbild.build(scope, period));
  process.stdout.write('\nLägesbild for a year\n');
  line('baseline: load every row, count in JS (1 section)', baseline, baseline);
  line('lägesbild from SQL aggregates (all sections)', built, baseline);
  raw.close();

  const insert = new Database(file);
  const bare = insert.prepare(`INSERT INTO incidents (id, ref, occurred_at, place_id, place_name, category, description, severity, organisation,
    school, youth_involved, police_report_number, status, reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version)
    SELECT lower(hex(randomblob(16))), 'B-' || lower(hex(randomblob(8))), ?, id, name, 'nedskrapning', 'Skräp', 'medel', 'polisen', NULL, 1, NULL,
    'ny', 'bench-user', 'Bänk', ?, ?, ?, ?, 1 FROM places LIMIT 1`);
  const bareInsert = await median(() => {
    const at = new Date().toISOString();
    bare.run(at, scope.tenantId, scope.conversationId, at, at);
  });
  insert.close();
  now = new Date('2026-12-21T12:00:00Z');
  const submitted = await median(async () => {
    const read = readIncidentForm({
      date: '2026-12-21', time: '10:00', newPlace: 'Plats 1', category: 'nedskrapning', description: 'Skräp vid bänken', organisation: 'polisen',
    }, STOCKHOLM, now);
    if (!read.ok) throw new Error('the bench report does not read');
    return reporting.submitIncident(actor, scope, read.draft);
  });
  process.stdout.write('\nOne report\n');
  line('baseline: bare INSERT of the row', bareInsert, bareInsert);
  line('submitIncident: validate, guard, number, audit', submitted, bareInsert);

  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
