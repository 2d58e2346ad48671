import express, { type Request, type Response } from 'express';
import type { Clock } from '../../domain/ports/clock.port';
import type { ReportListRepository } from '../../domain/ports/store.port';
import type { ChatScope } from '../../domain/scope';
import type { LagesbildMap, MapIncident } from '../../domain/tab/lagesbild-map';
import type { MapFilter } from '../../domain/tab/map-filter';
import { localeFrom, messages, tenantLocale, type DefaultLocales, type Locale } from '../../i18n/messages';
import type { Logger } from '../../logging/logger';
import { toCsv } from '../csv';
import { incidentCells, incidentHeader } from '../incident-columns';
import { mapFilterOf } from './map-query';
import { choiceOf, conversationOfReport, memberConversations } from './member-conversations';
import { isPreview, tabCaller, type TabCallerDeps } from './tab-caller';
import { tabPage, tabPageHeaders } from './tab-page';

export const TAB_API_PATH = '/api/tab';
export const TAB_PAGE_PATH = '/tab';

export interface TabRouteDeps extends TabCallerDeps {
  map: Pick<LagesbildMap, 'incidents' | 'summary'>;
  clock: Clock;
  zone: string;
  log: Logger;
  locales: DefaultLocales;
  tiles: { url: string | null; attribution: string };
  /** The bundled page (dist/tab): tab.js and tab.css. */
  assetsDir: string;
  /** Finds the conversation of a report link's number among the personal tab's choices. */
  reports: Pick<ReportListRepository, 'byRef'>;
}

/**
 * The lägesbild tab: its page (/tab, /tab/config and the bundle) and its API (/api/tab/…), every answer
 * of the API scoped to the caller's tenant and conversation (tab-caller.ts). Nothing is cached.
 */
export function tabRoutes(d: TabRouteDeps): { path: string; router: express.Router }[] {
  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  // What the page needs before it can ask for data: whether this is the local preview (and then which
  // conversations there are to choose from) and the map tiles.
  api.get('/session', async (req, res) => {
    const preview = isPreview(req, d.previewAllowed);
    const conversations = preview ? (await d.conversations.list()).map(choiceOf) : [];
    res.json({ preview, conversations, tiles: d.tiles });
  });

  // The personal tab's choice: the conversations of the caller's tenant where Teams says they are a member.
  api.get('/conversations', async (req, res) => {
    const identity = await d.verify(req.headers.authorization);
    if (!identity) {
      d.log.info({ status: 401, reason: 'unauthorized' }, 'tab request refused');
      return void res.status(401).json({ error: 'unauthorized' });
    }
    const conversations = await memberConversations(identity, d);
    // A report link (?ref=H-2026-0042) opens the conversation that holds the report, when the user is in it.
    const ref = typeof req.query.ref === 'string' ? req.query.ref : undefined;
    res.json({ conversations, reportConversation: await conversationOfReport(identity, conversations, ref, d.reports) });
  });

  /** Runs `answer` for a caller allowed to read the conversation, with the filters read; refuses otherwise. */
  const scoped = (answer: (res: Response, scope: ChatScope, filter: MapFilter, locale: Locale) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const caller = await tabCaller(req, d);
      if (!caller.ok) {
        d.log.info({ status: caller.status, reason: caller.error }, 'tab request refused');
        return void res.status(caller.status).json({ error: caller.error });
      }
      const locale = typeof req.query.locale === 'string' ? localeFrom(req.query.locale, tenantLocale(d.locales, caller.scope.tenantId)) : tenantLocale(d.locales, caller.scope.tenantId);
      const { filter, problem } = readFilter(req);
      if (!filter) return void res.status(400).json({ error: problem, message: messages(locale).tab.error[problem!] });
      await answer(res, caller.scope, filter, locale);
    };

  const readFilter = (req: Request) => {
    const read = mapFilterOf(req.query as Record<string, unknown>, d.clock.now(), d.zone);
    return read.ok ? { filter: read.filter, problem: null } : { filter: null, problem: read.problem };
  };

  api.get('/incidents', scoped(async (res, scope, filter) => {
    const incidents = await d.map.incidents(scope, filter);
    res.json({ period: periodOf(filter.period), incidents });
  }));

  api.get('/summary', scoped(async (res, scope, filter) => {
    res.json({ period: periodOf(filter.period), ...(await d.map.summary(scope, filter)) });
  }));

  api.get('/incidents.csv', scoped(async (res, scope, filter, locale) => {
    const rows = await d.map.incidents(scope, filter);
    res.setHeader('Content-Disposition', `attachment; filename="incidents-${filter.period.firstDay}-${filter.period.lastDay}.csv"`);
    res.type('text/csv; charset=utf-8').send(tabCsv(rows, locale, d.zone));
  }));

  const pages = express.Router();
  pages.use((_req, res, next) => {
    tabPageHeaders(res, d.tiles.url);
    next();
  });
  pages.get('/', (_req, res) => void res.type('html').send(tabPage('content')));
  pages.get('/config', (_req, res) => void res.type('html').send(tabPage('config')));
  pages.use('/assets', express.static(d.assetsDir, { fallthrough: false, index: false }));

  return [{ path: TAB_API_PATH, router: api }, { path: TAB_PAGE_PATH, router: pages }];
}

const periodOf = (p: { firstDay: string; lastDay: string; kind: string }) => ({ firstDay: p.firstDay, lastDay: p.lastDay });

/** The tab's table as CSV: exactly its rows and columns (no text, no people), in the page's language. */
export function tabCsv(rows: MapIncident[], locale: Locale, zone: string): string {
  const m = messages(locale);
  return toCsv(
    [...incidentHeader(m), m.lagesbild.export.columns.status],
    rows.map((r) => [...incidentCells(m, r, zone), m.status[r.status]]),
  );
}
