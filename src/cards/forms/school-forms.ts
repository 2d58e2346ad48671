import { choiceList, given, requiredText, type FieldErrors } from '../../domain/form-fields';
import { LIMITS } from '../../domain/limits';
import { SCHOOL_STAGES, SSPF_ROLES, type SspfRole } from '../../domain/schools/school';
import type { SchoolDraft } from '../../domain/schools/school-register-service';
import { readResult, type ReadForm } from './field-readers';

// The school card's inputs read into a draft: the name, the stages (a multi-select), the place (a
// register id or "none") and, per SSPF role, the people chosen (user ids, a multi-select each).

/** The "no place" choice of the place list. */
export const NO_SCHOOL_PLACE = 'none';

export const SCHOOL_FORM_FIELDS = ['name', 'stages', 'placeId', ...SSPF_ROLES.map((r) => `contacts_${r}` as const)] as const;
export type SchoolFormField = (typeof SCHOOL_FORM_FIELDS)[number];

/** The input id of a role's people. */
export const contactsField = (role: SspfRole): `contacts_${SspfRole}` => `contacts_${role}`;

/** The contacts are the user ids chosen per role, in the order chosen (the repository keeps a user's first role). */
export function readSchoolForm(values: Partial<Record<SchoolFormField, string>>): ReadForm<SchoolDraft, SchoolFormField> {
  const errors: FieldErrors<SchoolFormField> = {};
  const name = requiredText(values.name, LIMITS.placeNameMax);
  if (!name.ok) errors.name = name.error;
  const stages = choiceList(values.stages, SCHOOL_STAGES);
  if (!stages.ok) errors.stages = stages.error;
  else if (stages.value.length === 0) errors.stages = { code: 'required' };
  const place = given(values.placeId);
  const contacts = SSPF_ROLES.flatMap((role) => (given(values[contactsField(role)]) ?? '')
    .split(',').map((id) => id.trim()).filter(Boolean).map((userId) => ({ userId, role })));
  return readResult({
    name: name.ok ? name.value : '',
    stages: stages.ok ? stages.value : [],
    placeId: place === null || place === NO_SCHOOL_PLACE ? null : place,
    contacts,
  }, errors);
}
