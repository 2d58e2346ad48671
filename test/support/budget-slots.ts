import { readRows } from './bot-instances';

/** A row of post_budget_slots as SQLite keeps it. */
export interface BudgetSlotRow {
  slot_at: string;
  used: number;
  interactive: number;
}

/** The tenant's slots, oldest first. */
export function budgetSlots(file: string, tenantId: string): BudgetSlotRow[] {
  return readRows<BudgetSlotRow>(file, `SELECT slot_at, used, interactive FROM post_budget_slots WHERE tenant_id = '${tenantId}' ORDER BY slot_at`);
}

/**
 * The most posts (proactive and answers) within any sliding second (t - 1 s, t], each post at the start
 * of its slot: what Teams would count if each went out at the moment the budget gave it. (A proactive
 * post is sent at its slot's start; an answer is counted in the slot it went out in.)
 */
export function busiestSecond(rows: BudgetSlotRow[], count: (row: BudgetSlotRow) => number = (r) => r.used + r.interactive): number {
  const at = rows.map((r) => Date.parse(r.slot_at));
  let busiest = 0;
  for (let end = 0; end < rows.length; end++) {
    let posts = 0;
    for (let i = end; i >= 0 && at[i]! > at[end]! - 1000; i--) posts += count(rows[i]!);
    busiest = Math.max(busiest, posts);
  }
  return busiest;
}

