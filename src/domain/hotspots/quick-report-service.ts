import type { IncidentDraft, PlaceChoice } from '../incident-draft';
import type { Clock } from '../ports/clock.port';
import type { PlaceHistoryRepository } from '../ports/hotspots.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import type { Incident, ReportOrigin } from '../report';
import type { ReportScope } from '../scope';
import type { Actor, ReportingService } from '../reporting-service';
import type { IncidentCategory, Organisation } from '../vocabulary';
import { newPlaceName } from '../places/new-place';
import { PLACE_REGISTER_MAX } from '../places/place-register';
import { parseQuickReport } from './quick-report';

/** "Ångra" is offered for this long after a quick report, to its reporter only. */
export const UNDO_MINUTES = 5;

/** What the confirmation card shows when something is missing: the user completes it there. */
export interface QuickDraft {
  /** The place as named, tidied ("vid stationen" → "Stationen"): the name of a new place if the user creates it. */
  typedPlace: string;
  /** Set when the register gave one clear place. */
  placeId: string | null;
  candidates: { id: string; name: string }[];
  category: IncidentCategory | null;
  description: string;
  organisation: Organisation | null;
  /** When it happened: what the words said ("i natt"), else when it was typed. */
  occurredAt: Date;
}

/** What the confirmation card settled, read by the card layer. */
export interface QuickChoice {
  place: PlaceChoice | null;
  category: IncidentCategory | null;
  organisation: Organisation | null;
  description: string | null;
  /** Null: now. */
  occurredAt: Date | null;
}

export const NEW_PLACE = 'new';

export type QuickOutcome =
  | { kind: 'open_form' }
  | { kind: 'problem'; problem: 'no_place' | 'place_too_long' }
  | { kind: 'confirm'; draft: QuickDraft }
  | { kind: 'submitted'; outcome: Awaited<ReturnType<ReportingService['submitIncident']>>; draft: IncidentDraft };

export type UndoOutcome = 'ok' | 'missing' | 'forbidden' | 'too_late' | 'conflict';

type Sources = { placeRegister: PlaceRegisterRepository; placeHistory: PlaceHistoryRepository };

/**
 * `hotspot <plats> [kategori] [beskrivning]`: an incident in one message. It is saved at once only when
 * the place is certain and the category and the reporter's organisation are known; anything else is
 * completed on a confirmation card. Saving goes through the ReportingService like every other report.
 */
export class QuickReportService {
  constructor(private readonly store: Sources, private readonly reporting: ReportingService, private readonly clock: Clock) {}

  /** `submitKey`: one for the message that asked (see ReportingService.submitIncident): a redelivery saves nothing new. */
  async report(actor: Actor, origin: ReportOrigin, args: string, describe: (category: IncidentCategory) => string, submitKey?: string): Promise<QuickOutcome> {
    if (args.trim() === '') return { kind: 'open_form' };
    const now = this.clock.now();
    const parsed = parseQuickReport(args, await this.store.placeRegister.all(origin, PLACE_REGISTER_MAX), now, this.reporting.timeZone);
    if (!parsed.ok) return { kind: 'problem', problem: parsed.problem };
    const { organisation } = await this.reporting.defaultsFor(origin, actor);
    const draft: QuickDraft = {
      typedPlace: newPlaceName(parsed.typedPlace),
      placeId: parsed.place.kind === 'sure' ? parsed.place.place.id : null,
      candidates: parsed.place.kind === 'choose' ? parsed.place.candidates.map((c) => ({ id: c.place.id, name: c.place.name })) : [],
      category: parsed.category,
      description: parsed.description,
      organisation,
      occurredAt: parsed.occurredAt ?? now,
    };
    if (!draft.placeId || !draft.category || !draft.organisation) return { kind: 'confirm', draft };
    const { placeId, category, description, occurredAt } = draft;
    return this.save(actor, origin, { place: { placeId }, category, organisation: draft.organisation, description, occurredAt }, describe, submitKey);
  }

  /** Saves what the confirmation card (or the one-line command) settled; `submitKey` as for `report`, or the card's. */
  async save(
    actor: Actor, origin: ReportOrigin, choice: QuickChoice, describe: (category: IncidentCategory) => string, submitKey?: string,
  ): Promise<Extract<QuickOutcome, { kind: 'submitted' }>> {
    const { school } = await this.reporting.defaultsFor(origin, actor);
    const draft: IncidentDraft = {
      occurredAt: choice.occurredAt ?? this.clock.now(),
      place: choice.place,
      category: choice.category,
      // A one-line report may name only the category; the category then says what happened.
      description: choice.description?.trim() || (choice.category ? describe(choice.category) : null),
      severity: 'medel',
      organisation: choice.organisation,
      school,
      youthInvolved: null,
      policeReportNumber: null,
      schoolId: null,
      concernReported: null,
    };
    return { kind: 'submitted', outcome: await this.reporting.submitIncident(actor, origin, draft, {}, submitKey), draft };
  }

  /**
   * The reporter takes a quick report back within a few minutes, unless someone has changed it since.
   * `incident` is loaded within `scope` and the caller's right (the reporter's) already checked.
   */
  async undo(actor: Actor, scope: ReportScope, incident: Incident, version: number): Promise<UndoOutcome> {
    if (this.clock.now().getTime() - incident.createdAt.getTime() > UNDO_MINUTES * 60_000) return 'too_late';
    return this.store.placeHistory.withdrawIncident(scope, incident.id, version, actor.userId, this.clock.now());
  }
}
