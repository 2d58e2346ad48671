import { instantToLocal } from '../form-fields';
import type { IncidentForm } from '../incident-form';
import type { Clock } from '../ports/clock.port';
import type { PlaceHistoryRepository } from '../ports/hotspots.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import type { Incident, ReportOrigin } from '../report';
import type { Actor, ReportingService } from '../reporting-service';
import { INCIDENT_CATEGORIES, isOneOf, type IncidentCategory, type Organisation } from '../vocabulary';
import { PLACE_REGISTER_MAX } from '../places/place-register';
import { parseQuickReport } from './quick-report';

/** "Ångra" is offered for this long after a quick report, to its reporter only. */
export const UNDO_MINUTES = 5;

/** What the confirmation card shows when something is missing: the user completes it there. */
export interface QuickDraft {
  typedPlace: string;
  /** Set when the register gave one clear place. */
  placeId: string | null;
  candidates: { id: string; name: string }[];
  category: IncidentCategory | null;
  description: string;
  organisation: Organisation | null;
}

/** What the confirmation card sends back. `placeId` 'new' means "create the place as typed". */
export interface QuickChoice {
  placeId?: string;
  typedPlace?: string;
  category?: string;
  organisation?: string;
  description?: string;
}

export const NEW_PLACE = 'new';

export type QuickOutcome =
  | { kind: 'open_form' }
  | { kind: 'problem'; problem: 'no_place' | 'place_too_long' }
  | { kind: 'confirm'; draft: QuickDraft }
  | { kind: 'submitted'; outcome: Awaited<ReturnType<ReportingService['submitIncident']>>; form: IncidentForm };

export type UndoOutcome = 'ok' | 'missing' | 'forbidden' | 'too_late' | 'conflict';

type Sources = { placeRegister: PlaceRegisterRepository; placeHistory: PlaceHistoryRepository };

/**
 * `hotspot <plats> [kategori] [beskrivning]`: an incident in one message. It is saved at once only when
 * the place is certain and the category and the reporter's organisation are known; anything else is
 * completed on a confirmation card. Saving goes through the ReportingService like every other report.
 */
export class QuickReportService {
  constructor(private readonly store: Sources, private readonly reporting: ReportingService, private readonly clock: Clock) {}

  async report(actor: Actor, origin: ReportOrigin, args: string, describe: (category: IncidentCategory) => string): Promise<QuickOutcome> {
    if (args.trim() === '') return { kind: 'open_form' };
    const parsed = parseQuickReport(args, await this.store.placeRegister.all(PLACE_REGISTER_MAX));
    if (!parsed.ok) return { kind: 'problem', problem: parsed.problem };
    const { organisation } = await this.reporting.defaultsFor(actor.userId);
    const draft: QuickDraft = {
      typedPlace: parsed.typedPlace,
      placeId: parsed.place.kind === 'sure' ? parsed.place.place.id : null,
      candidates: parsed.place.kind === 'choose' ? parsed.place.candidates.map((c) => ({ id: c.place.id, name: c.place.name })) : [],
      category: parsed.category,
      description: parsed.description,
      organisation,
    };
    if (!draft.placeId || !draft.category || !draft.organisation) return { kind: 'confirm', draft };
    return this.save(actor, origin, { ...draft, placeId: draft.placeId, category: draft.category, organisation: draft.organisation }, describe);
  }

  /** Saves what the confirmation card (or the one-line command) settled. */
  async save(actor: Actor, origin: ReportOrigin, choice: QuickChoice, describe: (category: IncidentCategory) => string): Promise<Extract<QuickOutcome, { kind: 'submitted' }>> {
    const local = instantToLocal(this.clock.now(), this.reporting.timeZone);
    const { school } = await this.reporting.defaultsFor(actor.userId);
    const category = isOneOf(INCIDENT_CATEGORIES, choice.category) ? choice.category : undefined;
    const form: IncidentForm = {
      date: local.date,
      time: local.time,
      ...(choice.placeId && choice.placeId !== NEW_PLACE ? { placeId: choice.placeId } : { newPlace: choice.typedPlace ?? '' }),
      category: choice.category ?? '',
      // A one-line report may name only the category; the category then says what happened.
      description: choice.description?.trim() || (category ? describe(category) : ''),
      severity: 'medel',
      organisation: choice.organisation ?? '',
      school: school ?? '',
    };
    return { kind: 'submitted', outcome: await this.reporting.submitIncident(actor, origin, form), form };
  }

  /** The reporter takes a quick report back within a few minutes, unless someone has changed it since. */
  async undo(actor: Actor, incident: Incident | null, version: number): Promise<UndoOutcome> {
    if (!incident) return 'missing';
    if (incident.reporter.userId !== actor.userId) return 'forbidden';
    if (this.clock.now().getTime() - incident.createdAt.getTime() > UNDO_MINUTES * 60_000) return 'too_late';
    return this.store.placeHistory.withdrawIncident(incident.id, version, actor.userId, this.clock.now());
  }
}
