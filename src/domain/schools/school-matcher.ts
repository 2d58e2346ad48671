import { matchByName } from '../places/place-matcher';
import { schoolKey, type School } from './school';

// A typed school name is matched as a place name is (place-matcher.ts): the exact folded name first,
// then a close match only when one school is clearly the best; otherwise the best few to choose from.

export type SchoolMatch =
  | { kind: 'sure'; school: School }
  /** None or several could be meant: the best few, best first (empty when nothing is close). */
  | { kind: 'choose'; candidates: School[] };

export function matchSchool(typed: string, schools: readonly School[]): SchoolMatch {
  const key = schoolKey(typed);
  const exact = schools.find((s) => s.nameKey === key);
  if (exact) return { kind: 'sure', school: exact };
  const match = matchByName(typed, schools, (s) => [s.name], (s) => s.name);
  return match.kind === 'sure' ? { kind: 'sure', school: match.item } : { kind: 'choose', candidates: match.candidates.map((c) => c.item) };
}
