import type { MapSchoolFilter } from '../ports/map-incidents.port';
import { schoolKey, type School } from '../schools/school';

/** A choice of the tab's school filter: a register school's id, or a free-text school of old incidents. */
export interface SchoolChoice {
  value: string;
  label: string;
}

/**
 * What the `school` of a tab link means: a register school's id, or a name. A name the register knows
 * (folded, as the register ties incidents) means that school, so a link shared before the register
 * still finds the incidents the register has since tied; any other name is an old free-text school.
 */
export function schoolFilterOf(typed: string, register: readonly Pick<School, 'id' | 'name'>[]): MapSchoolFilter {
  const byId = register.find((s) => s.id === typed);
  if (byId) return { id: byId.id };
  const key = schoolKey(typed);
  const byName = register.find((s) => schoolKey(s.name) === key);
  return byName ? { id: byName.id } : { name: typed };
}

/**
 * The school filter's choices: the register's schools, then the free-text schools of incidents that no
 * register school ties (reported before the register, or never registered), alphabetical each.
 */
export function schoolChoices(register: readonly Pick<School, 'id' | 'name'>[], untiedNames: readonly string[]): SchoolChoice[] {
  const registered = new Set(register.map((s) => schoolKey(s.name)));
  return [
    ...register.map((s) => ({ value: s.id, label: s.name })),
    ...untiedNames.filter((n) => !registered.has(schoolKey(n))).map((n) => ({ value: n, label: n })),
  ];
}
