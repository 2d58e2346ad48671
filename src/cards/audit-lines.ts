import { DateTime } from 'luxon';
import type { AuditEntry } from '../domain/ports/audit.port';
import { HOTSPOT_STATES } from '../domain/hotspots/hotspot';
import { COMMITMENT_STATUSES } from '../domain/promises/promise';
import { STOCKHOLM, type Period } from '../domain/periods';
import { ORGANISATIONS, REPORT_STATUSES } from '../domain/vocabulary';
import { format, messages, type Catalogue, type Locale } from '../i18n/messages';
import { culture, formatDay } from './formatting';
import { safeText } from './render';

// The audit log in the reader's language: an audit row stores codes (a status, an organisation, a
// period), never words, and they are worded here: "Anna exporterade lägesbild vecka 48 2026".

/** How an export's period is stored in its audit row: "week 2026-11-23..2026-11-29" (local days). */
export function exportAuditDetail(period: Pick<Period, 'kind' | 'firstDay' | 'lastDay'>): string {
  return `${period.kind} ${period.firstDay}..${period.lastDay}`;
}

const STORED_PERIOD = /^(week|month|year|days) (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** "lägesbild vecka 48 2026", "lägesbild november 2026", "lägesbild 2026"; null for a detail of another shape. */
function exportSubject(detail: string | null, locale: Locale): string | null {
  const found = detail ? STORED_PERIOD.exec(detail) : null;
  if (!found) return null;
  const [, kind, firstDay, lastDay] = found as unknown as [string, Period['kind'], string, string];
  const t = messages(locale).trust.exportSubject;
  const start = DateTime.fromISO(firstDay, { zone: STOCKHOLM }).setLocale(culture(locale));
  switch (kind) {
    case 'week': return format(t.week, { week: start.weekNumber, year: start.weekYear });
    case 'month': return format(t.month, { month: start.toFormat('LLLL yyyy') });
    case 'year': return format(t.year, { year: start.year });
    case 'days': return format(t.days, { first: formatDay(firstDay, locale), last: formatDay(lastDay, locale) });
  }
}

const wordFor = <K extends string>(codes: readonly K[], words: Record<K, string>, code: string): string | null =>
  (codes as readonly string[]).includes(code) ? words[code as K] : null;

const fieldWord = (m: Catalogue, code: string): string => (code in m.trust.fieldWords ? m.trust.fieldWords[code as keyof Catalogue['trust']['fieldWords']] : code);

/** The detail's code in words, where the action's detail is a known kind of code; else the code as stored. */
function detailWords(e: AuditEntry, m: Catalogue, locale: Locale): string {
  const code = e.detail ?? '';
  switch (e.action) {
    case 'report.status': case 'report.assigned': return wordFor(REPORT_STATUSES, m.status, code) ?? code;
    case 'organisation.changed': case 'organisation.confirmed': case 'hotspot.created': case 'hotspot.owner':
    case 'hotspot.measure_added': case 'hotspot.measure_done': return wordFor(ORGANISATIONS, m.organisation, code) ?? code;
    case 'hotspot.stage': case 'hotspot.reopened': return wordFor(HOTSPOT_STATES, m.hotspots.state, code) ?? code;
    case 'commitment.status': return wordFor(COMMITMENT_STATUSES, m.promises.status, code) ?? code;
    case 'hotspot.follow_up': return /^\d{4}-\d{2}-\d{2}$/.test(code) ? formatDay(code, locale) : code;
    case 'hotspot.analysis': case 'place.edited': return code.split(',').map((c) => fieldWord(m, c)).join(', ');
    case 'export.downloaded': return code in m.trust.exportFile ? m.trust.exportFile[code as keyof Catalogue['trust']['exportFile']] : code;
    default: return code;
  }
}

/** One line of the log: who, did what, to what, and the detail in words. Names and codes only. */
export function auditLine(e: AuditEntry, actorName: string, locale: Locale): string {
  const m = messages(locale);
  const exported = e.action === 'export.created' ? exportSubject(e.detail, locale) : null;
  const subject = exported ?? e.entityRef ?? m.trust.entity[e.entityKind];
  const detail = exported || !e.detail ? '' : `(${detailWords(e, m, locale)})`;
  return [safeText(actorName), m.trust.action[e.action], subject, detail].filter(Boolean).join(' ');
}
