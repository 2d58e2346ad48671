import { DateTime } from 'luxon';
import express, { type Response } from 'express';
import { lagesbildView } from '../cards/lagesbild-view';
import type { ExportFile, ExportService, OpenExport } from '../domain/lagesbild/export-service';
import type { IncidentExportRow } from '../domain/ports/lagesbild.port';
import { periodKey } from '../domain/periods';
import { messages, type Locale } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { toCsv } from './csv';
import { escapeHtml, lagesbildHtml } from './html-report';

export const EXPORT_PATH = '/exports';

/**
 * The export links: /exports/<token>/incidents.csv and /exports/<token>/report.html. The token is the
 * only key: it is unguessable, short-lived, shown only to the coordinator who asked, and bound to that
 * tenant's conversation, whose data alone it reads. Nothing is cached and no referrer leaks the link.
 * The token never reaches a log line: the request log shows the route's pattern, these lines the
 * export's id, and each download is in the audit trail.
 */
export function exportRoutes(exports: ExportService, log: Logger, locale: Locale = 'sv'): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    next();
  });

  const opened = async (token: string, res: Response, file: ExportFile): Promise<OpenExport | null> => {
    const open = await exports.open(token, file);
    if (!open) {
      log.warn({ file }, 'export link refused: unknown or expired');
      res.status(404).type('html').send(`<!doctype html><meta charset="utf-8"><title>404</title><p>${escapeHtml(messages(locale).lagesbild.export.expired)}</p>`);
      return null;
    }
    log.info({ exportId: open.record.id, file }, 'export downloaded');
    return open;
  };

  router.get('/:token/incidents.csv', async (req, res) => {
    const open = await opened(req.params.token, res, 'csv');
    if (!open) return;
    const csv = incidentsCsv(await exports.incidents(open), locale, open.period.zone);
    res.setHeader('Content-Disposition', `attachment; filename="incidents-${periodKey(open.period).replace(/[^0-9A-Za-z.-]/g, '_')}.csv"`);
    res.type('text/csv; charset=utf-8').send(csv);
  });

  router.get('/:token/report.html', async (req, res) => {
    const open = await opened(req.params.token, res, 'html');
    if (!open) return;
    const view = lagesbildView(locale, await exports.report(open));
    res.type('html').send(lagesbildHtml(view, locale, messages(locale).lagesbild.export.print));
  });
  return router;
}

export function incidentsCsv(rows: IncidentExportRow[], locale: Locale, zone: string): string {
  const m = messages(locale);
  const c = m.lagesbild.export.columns;
  return toCsv(
    [c.ref, c.date, c.time, c.place, c.category, c.severity, c.organisation, c.school, c.youth, c.status, c.policeReportNumber, c.description],
    rows.map((r) => {
      const at = DateTime.fromJSDate(r.occurredAt, { zone });
      return [
        r.ref, at.toFormat('yyyy-MM-dd'), at.toFormat('HH:mm'), r.placeName, m.category[r.category], m.severity[r.severity],
        m.organisation[r.organisation], r.school, r.youthInvolved, m.status[r.status], r.policeReportNumber, r.description,
      ];
    }),
  );
}
