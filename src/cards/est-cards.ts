import { DateTime } from 'luxon';
import type { AdaptiveCard } from './card-schema';
import { EST_VERBS } from './est-verbs';
import { formatDate } from './formatting';
import { render, safeText } from './render';
import { confirmsMasking } from './masking';
import { personalDataWarning } from './report-cards';
import { estFormCard, type EstFormCardData } from './templates/est-form.card';
import { estPanelCard, type EstPanelCardData } from './templates/est-panel.card';
import type { Area, EstPicture } from '../domain/est/est-service';
import { PRIORITY_AREAS_MAX, REASON_MAX } from '../domain/est/est-service';
import type { Reporter } from '../domain/est/est.port';
import type { EstMeeting, EstScale } from '../domain/est/est-week';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { Organisation } from '../domain/vocabulary';
import { format, messages, type Locale } from '../i18n/messages';

// The EST week's cards: the overview (meeting, rapportörer, priority areas), the areas' last eight
// weeks with a button to assess each, the small forms, the rapportör list and the personal nudge.

const LEVEL_MARK = { 1: '🟢', 2: '🟡', 3: '🔴' } as const;
const NOT_ASSESSED = '⚪';

const panel = (data: Partial<EstPanelCardData> & { title: string }): AdaptiveCard =>
  render(estPanelCard, { note: '', intro: '', facts: [], lines: [], footnote: '', actions: [], picker: NO_PICKER, ...data });

const NO_PICKER: EstPanelCardData['picker'] = { visible: false, id: 'none', label: '', choices: [], button: { title: '', verb: '' } };

const weekday = (locale: Locale, day: number) => messages(locale).est.weekdays[String(day) as '1'] ?? String(day);
/** A level's label: EST_SCALE's when configured, else the catalogue's. */
export const levelLabel = (locale: Locale, level: 1 | 2 | 3, scale: EstScale | null) => scale?.[level - 1] ?? messages(locale).est.levels[String(level) as '1'];

export function tertialLabel(locale: Locale, tertial: string): string {
  const [year, n] = tertial.split('-T');
  const t = messages(locale).est;
  return format(t.tertial, { n: n ?? '', year: year ?? '', months: t.tertialMonths[(n ?? '1') as '1'] ?? '' });
}

/** The priority areas' lines: each with its active hot spots and open measures. */
export function priorityLines(locale: Locale, picture: EstPicture): string[] {
  const t = messages(locale).est;
  return picture.priorities.map((p, i) => format(t.priorityLine, {
    n: i + 1, area: safeText(p.area.name),
    work: p.hotSpots.length === 0 ? t.noHotSpots
      : format(t.priorityWork, { count: p.hotSpots.length, names: p.hotSpots.map(safeText).join(', '), measures: p.openMeasures }, locale),
  }, locale));
}

/** Each area's weeks as marks, oldest first, and the latest reason. */
export function areaLines(locale: Locale, picture: EstPicture): string[] {
  const t = messages(locale).est;
  return picture.areas.flatMap((a) => [
    format(t.areaLine, { area: safeText(a.area.name), levels: a.levels.map((l) => (l === null ? NOT_ASSESSED : LEVEL_MARK[l])).join(' ') }),
    ...(a.latestReason ? [format(t.reasonLine, { area: safeText(a.area.name), reason: safeText(a.latestReason) })] : []),
  ]);
}

export function legend(locale: Locale, scale: EstScale | null): string {
  const t = messages(locale).est;
  return format(t.legend, { 1: levelLabel(locale, 1, scale), 2: levelLabel(locale, 2, scale), 3: levelLabel(locale, 3, scale), none: t.notAssessed });
}

export function overview(locale: Locale, o: { meeting: EstMeeting; reporters: number; picture: EstPicture; note?: string }): AdaptiveCard {
  const t = messages(locale).est;
  const lines = priorityLines(locale, o.picture);
  return panel({
    title: t.title, note: o.note ?? '',
    facts: [
      { title: t.facts.meeting, value: format(t.meetingValue, { weekday: weekday(locale, o.meeting.weekday), time: o.meeting.time }) },
      { title: t.facts.nudge, value: format(t.nudgeValue, { time: o.meeting.nudgeTime }) },
      { title: t.facts.reporters, value: format(t.reportersValue, { count: o.reporters }, locale) },
    ],
    intro: format(lines.length > 0 ? t.prioritiesTitle : t.prioritiesNone, { tertial: tertialLabel(locale, o.picture.tertial) }),
    lines,
    actions: [
      { title: t.buttons.areas, verb: EST_VERBS.areas, data: {} },
      { title: t.buttons.priorities, verb: EST_VERBS.openPriorities, data: {} },
      { title: t.buttons.meeting, verb: EST_VERBS.openMeeting, data: {} },
    ],
  });
}

/** The areas' last eight weeks, with a button to assess each this week. */
export function areas(locale: Locale, picture: EstPicture, all: readonly Area[], note = ''): AdaptiveCard {
  const t = messages(locale).est;
  const lines = areaLines(locale, picture);
  return panel({
    title: t.areasTitle, note, intro: all.length === 0 ? t.areasEmpty : '', lines, footnote: lines.length > 0 ? legend(locale, picture.scale) : '',
    picker: {
      visible: all.length > 0, id: 'placeId', label: t.labels.choose, choices: all.map((a) => ({ title: a.name, value: a.id })),
      button: { title: t.buttons.assessChosen, verb: EST_VERBS.openAssessment },
    },
    actions: [{ title: t.buttons.overview, verb: EST_VERBS.overview, data: {} }],
  });
}

export interface AssessmentFormState {
  values: { level: string; reason: string };
  errors: { level: string; reason: string };
  banner: string;
  /** What the personal-data guard found in the reason: its warning as the banner, and saving again confirms the masking. */
  personalData?: PersonalDataFinding[];
}

export function assessmentForm(locale: Locale, area: Area, week: string, state: AssessmentFormState, scale: EstScale | null): AdaptiveCard {
  const m = messages(locale);
  const t = m.est;
  const found = state.personalData?.length ? state.personalData : null;
  const data: EstFormCardData = {
    title: format(t.assessTitle, { area: area.name, week: DateTime.fromISO(week).weekNumber }),
    intro: '', banner: found ? personalDataWarning(m, found) : state.banner,
    choiceFields: [{
      id: 'level', label: t.labels.level, value: state.values.level, placeholder: t.labels.level, required: true, error: state.errors.level, requiredMessage: t.errors.required,
      choices: ([1, 2, 3] as const).map((l) => ({ title: `${LEVEL_MARK[l]} ${levelLabel(locale, l, scale)}`, value: String(l) })),
    }],
    timeFields: [],
    textFields: [{ id: 'reason', label: t.labels.reason, value: state.values.reason, maxLength: REASON_MAX, error: state.errors.reason, requiredMessage: t.errors.required }],
    save: { title: t.buttons.save, verb: EST_VERBS.saveAssessment, data: { placeId: area.id, ...confirmsMasking(found) } },
    cancel: { title: t.buttons.cancel, verb: EST_VERBS.areas, data: {} },
  };
  return render(estFormCard, data);
}

export function meetingForm(locale: Locale, meeting: { weekday: string; time: string; nudgeTime: string }, errors: { weekday: string; time: string }): AdaptiveCard {
  const t = messages(locale).est;
  return render(estFormCard, {
    title: t.meetingTitle, intro: t.meetingHelp, banner: errors.weekday || errors.time ? t.errors.form : '',
    choiceFields: [{
      id: 'weekday', label: t.labels.weekday, value: meeting.weekday, placeholder: t.labels.weekday, required: true, error: errors.weekday, requiredMessage: t.errors.required,
      choices: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: weekday(locale, d), value: String(d) })),
    }],
    timeFields: [
      { id: 'time', label: t.labels.time, value: meeting.time, error: errors.time, requiredMessage: t.errors.required },
      { id: 'nudgeTime', label: t.labels.nudgeTime, value: meeting.nudgeTime, error: '', requiredMessage: t.errors.required },
    ],
    textFields: [],
    save: { title: t.buttons.save, verb: EST_VERBS.saveMeeting, data: {} },
    cancel: { title: t.buttons.cancel, verb: EST_VERBS.overview, data: {} },
  });
}

export function prioritiesForm(locale: Locale, tertial: string, all: readonly Area[], chosen: readonly string[]): AdaptiveCard {
  const t = messages(locale).est;
  const choices = all.map((a) => ({ title: a.name, value: a.id }));
  return render(estFormCard, {
    title: format(t.prioritiesTitle, { tertial: tertialLabel(locale, tertial) }), intro: all.length === 0 ? t.areasEmpty : t.prioritiesHelp, banner: '',
    choiceFields: Array.from({ length: PRIORITY_AREAS_MAX }, (_, i) => ({
      id: `area${i + 1}`, label: format(t.labels.priority, { n: i + 1 }), value: chosen[i] ?? '', placeholder: t.labels.choose, required: false, error: '', requiredMessage: t.errors.required, choices,
    })),
    timeFields: [], textFields: [],
    save: { title: t.buttons.save, verb: EST_VERBS.savePriorities, data: {} },
    cancel: { title: t.buttons.cancel, verb: EST_VERBS.overview, data: {} },
  });
}

export function reporters(locale: Locale, list: readonly Reporter[], note = ''): AdaptiveCard {
  const t = messages(locale).est;
  const m = messages(locale);
  return panel({
    title: t.reportersTitle, note, intro: list.length === 0 ? t.reportersEmpty : '',
    lines: list.map((r) => format(t.reporterLine, { name: safeText(r.displayName), organisation: m.organisation[r.organisation] })),
    footnote: t.reportersHelp,
    picker: {
      visible: list.length > 0, id: 'userId', label: t.labels.reporter, choices: list.map((r) => ({ title: r.displayName, value: r.userId })),
      button: { title: t.buttons.remove, verb: EST_VERBS.removeReporter },
    },
  });
}

/** The personal nudge: one tap says the organisation has nothing to report for this meeting. */
export function nudge(locale: Locale, n: { conversationId: string; meetingDay: string; time: string; organisation: Organisation }): AdaptiveCard {
  const t = messages(locale).est;
  const organisation = messages(locale).organisation[n.organisation];
  return panel({
    title: format(t.nudgeTitle, { day: formatDate(n.meetingDay, locale), time: n.time }),
    intro: format(t.nudgeText, { organisation }),
    actions: [{ title: t.buttons.nothing, verb: EST_VERBS.nothingToReport, data: { conversationId: n.conversationId, meetingDay: n.meetingDay, organisation: n.organisation } }],
  });
}

export function nothingNoted(locale: Locale, meetingDay: string, organisation: Organisation): AdaptiveCard {
  const m = messages(locale);
  return panel({ title: m.est.title, note: format(m.est.nothingNoted, { organisation: m.organisation[organisation], day: formatDate(meetingDay, locale) }) });
}
