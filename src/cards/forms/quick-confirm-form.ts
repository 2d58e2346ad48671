import { given } from '../../domain/form-fields';
import { NEW_PLACE, type QuickChoice } from '../../domain/hotspots/quick-report-service';
import { INCIDENT_CATEGORIES, ORGANISATIONS, isOneOf } from '../../domain/vocabulary';

/** What the quick report's confirmation card sends, as typed. `placeId` 'new' means "create the place as typed". */
export interface QuickConfirmForm {
  placeId?: string;
  typedPlace?: string;
  category?: string;
  organisation?: string;
  description?: string;
  /** The time the one-line report understood, as an ISO instant (hidden on the card). */
  occurredAt?: string;
}

/** The confirmation card read into the typed choice the quick report takes; an unknown code counts as not chosen. */
export function readQuickConfirm(form: QuickConfirmForm): QuickChoice {
  const placeId = given(form.placeId);
  const typed = given(form.typedPlace);
  return {
    place: placeId && placeId !== NEW_PLACE ? { placeId } : typed ? { newPlaceName: typed } : null,
    category: isOneOf(INCIDENT_CATEGORIES, form.category) ? form.category : null,
    organisation: isOneOf(ORGANISATIONS, form.organisation) ? form.organisation : null,
    description: given(form.description),
    occurredAt: instantOrNull(given(form.occurredAt)),
  };
}

/** An unreadable time counts as not given: the report is then stamped now, as a one-liner without a time is. */
function instantOrNull(text: string | null): Date | null {
  const at = text === null ? null : new Date(text);
  return at && !Number.isNaN(at.getTime()) ? at : null;
}
