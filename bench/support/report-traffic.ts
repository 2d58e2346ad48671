import { cardAction, TENANT, type Speaker } from '../../test/support/teams-activities';
import { pick, seededRandom } from './seeded-random';
import type { Side } from './alternating';

// What the benchmark sends: report submits as Teams sends them (an Action.Execute press of the incident
// form), from many users across a few channels, with fixed-seed contents.

const CATEGORIES = ['skadegorelse_klotter', 'skadegorelse_glaskross', 'nedskrapning', 'ordningsstorning', 'stold_inbrott_ran'];
const PLACES = Array.from({ length: 40 }, (_, i) => `Plats ${i + 1}`);
const SEVERITIES = ['lag', 'medel', 'hog'];

export const channelOf = (i: number) => `19:bench-channel-${i}@thread.tacv2`;
export const userOf = (i: number): Speaker => ({ aadObjectId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, name: `Användare ${i}` });

/**
 * The n-th activity of a run, and what a right answer to it shows: a request answered 2xx with an error
 * card ("Något gick fel hos mig…") is not a saved report, and the benchmark must not time it as one.
 */
export interface Traffic {
  (n: number): unknown;
  answered: RegExp;
}

/** The saved report's card names its number (H-2026-0042); no error card does. */
export const SAVED_REPORT = /\bH-\d{4}-\d{4,}\b/;
/** The echo bot's card. */
export const ECHOED = /"echo: \d+ fields"/;

/** Makers made so far: each gives its submits keys of their own (a key seen again is answered, not saved again). */
let makers = 0;

/**
 * Builds the n-th submit of a run: its user and channel rotate over `users` and `channels`. Each carries
 * a submit key, as every form Teams sends does (the bot looks it up before saving); unique per maker and n.
 */
export function submitMaker(serviceUrl: string, users: number, channels: number, seed = 14): Traffic {
  const random = seededRandom(seed);
  const maker = (++makers).toString(16).padStart(8, '0');
  return Object.assign((n: number) => cardAction('submitIncident', {
    submitKey: `${maker}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, date: '2026-11-24', time: '21:15', newPlace: pick(random, PLACES), category: pick(random, CATEGORIES),
    description: `Krossad ruta vid busskuren ${n}`, severity: pick(random, SEVERITIES), organisation: 'polisen', school: '', youthInvolved: String(n % 4),
  }, { serviceUrl, conversationId: channelOf(n % channels), channelId: channelOf(n % channels), from: userOf(n % users), tenantId: TENANT }), { answered: SAVED_REPORT });
}

/** A message the echo bot echoes (its baseline for a submit: one activity in, one answer out). */
export function echoMaker(serviceUrl: string, users: number, channels: number): Traffic {
  return Object.assign((n: number) => cardAction('submitIncident', { description: `Krossad ruta ${n}` },
    { serviceUrl, conversationId: channelOf(n % channels), from: userOf(n % users) }), { answered: ECHOED });
}


/** What a side of measures 1 and 7 is sent: the echo a message to echo, the bot and the echo that saves report submits. */
export function trafficFor(side: Side, serviceUrl: string, users: number, channels: number): Traffic {
  return side === 'echo' ? echoMaker(serviceUrl, users, channels) : submitMaker(serviceUrl, users, channels);
}

/** POSTs the n-th activity of `traffic` to /api/messages; resolves the milliseconds it took and whether it was answered 2xx with what it asked for. */
export async function post(baseUrl: string, traffic: Traffic, n: number): Promise<{ ms: number; ok: boolean }> {
  const activity = traffic(n);
  const start = process.hrtime.bigint();
  try {
    const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    const ok = res.status < 300 && !/"statusCode":\s*[45]\d\d/.test(text) && traffic.answered.test(text);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, ok };
  } catch {
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, ok: false };
  }
}
