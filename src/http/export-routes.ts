import express, { type Response } from 'express';
import type JSZipType from 'jszip';
import { annualReportView, type AnnualReportView } from '../cards/annual-report-view';
import { lawLagesbildView } from '../cards/law-lagesbild-view';
import { lagesbildView } from '../cards/lagesbild-view';
import type { ExportFile, ExportService, OpenExport } from '../domain/lagesbild/export-service';
import type { IncidentExportRow } from '../domain/ports/lagesbild.port';
import { periodKey } from '../domain/periods';
import { messages, SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales, type Locale } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { annualReportDocx } from './annual-report-docx';
import { annualReportHtml } from './annual-report-html';
import { toCsv } from './csv';
import { incidentCells, incidentHeader } from './incident-columns';
import { exportTables } from './export-tables';
import { escapeHtml, lagesbildHtml } from './html-report';

export const EXPORT_PATH = '/exports';

/**
 * The export links: /exports/<token>/export.zip (one CSV file each for incidents, activities, hot spots,
 * measures and effect), /exports/<token>/report.html, /exports/<token>/annual-report.{html,docx} (the
 * årsrapport) and /exports/<token>/lagesbild-enligt-lag.{html,docx} (the lägesbild enligt lag), both of a
 * year's export only, and /exports/<token>/incidents.csv (the incidents
 * alone, as links made before the zip named). Each file is in the language of the export's tenant
 * (DEFAULT_LOCALE). The token is the
 * only key: it is unguessable, short-lived, shown only to the coordinator who asked, and bound to that
 * tenant's conversation, whose data alone it reads. Nothing is cached and no referrer leaks the link.
 * The token never reaches a log line: the request log shows the route's pattern, these lines the
 * export's id, and each download is in the audit trail.
 */
export function exportRoutes(exports: ExportService, log: Logger, locales: DefaultLocales = SWEDISH_BY_DEFAULT): express.Router {
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
      res.status(404).type('html').send(`<!doctype html><meta charset="utf-8"><title>404</title><p>${escapeHtml(messages(locales.fallback).lagesbild.export.expired)}</p>`);
      return null;
    }
    log.info({ exportId: open.record.id, file }, 'export downloaded');
    return open;
  };

  const localeOf = (open: OpenExport): Locale => tenantLocale(locales, open.record.tenantId);
  const fileName = (open: OpenExport, kind: string, extension: string) =>
    `attachment; filename="${kind}-${periodKey(open.period).replace(/[^0-9A-Za-z.-]/g, '_')}.${extension}"`;

  router.get('/:token/incidents.csv', async (req, res) => {
    const open = await opened(req.params.token, res, 'csv');
    if (!open) return;
    const csv = incidentsCsv(await exports.incidents(open), localeOf(open), open.period.zone);
    res.setHeader('Content-Disposition', fileName(open, 'incidents', 'csv'));
    res.type('text/csv; charset=utf-8').send(csv);
  });

  router.get('/:token/export.zip', async (req, res) => {
    const open = await opened(req.params.token, res, 'zip');
    if (!open) return;
    const locale = localeOf(open);
    const contents = await exports.contents(open);
    // Loaded at the first export, not at start (issue 14); require, not import(), for tsx's CommonJS hook.
    const JSZip = require('jszip') as typeof JSZipType;
    const zip = new JSZip();
    zip.file('incidents.csv', incidentsCsv(contents.incidents, locale, open.period.zone));
    for (const table of exportTables(contents, locale, open.period.zone)) zip.file(table.file, toCsv(table.header, table.rows));
    res.setHeader('Content-Disposition', fileName(open, 'lagesbild', 'zip'));
    res.type('application/zip').send(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  });

  router.get('/:token/report.html', async (req, res) => {
    const open = await opened(req.params.token, res, 'html');
    if (!open) return;
    const locale = localeOf(open);
    const [view, contents] = await Promise.all([exports.report(open).then((l) => lagesbildView(locale, l)), exports.contents(open)]);
    const m = messages(locale);
    res.type('html').send(lagesbildHtml(view, locale, m.lagesbild.export.print, exportTables(contents, locale, open.period.zone), m.exports.none));
  });

  /** A yearly document as a printable page and a Word file: the same view, the same two renderers. */
  const yearDocument = (path: string, files: { html: ExportFile; docx: ExportFile }, fileKind: string, view: (open: OpenExport, locale: Locale) => Promise<AnnualReportView>) => {
    router.get(`/:token/${path}.html`, async (req, res) => {
      const open = await opened(req.params.token, res, files.html);
      if (!open) return;
      const locale = localeOf(open);
      res.type('html').send(annualReportHtml(await view(open, locale), messages(locale).lagesbild.export.print));
    });
    router.get(`/:token/${path}.docx`, async (req, res) => {
      const open = await opened(req.params.token, res, files.docx);
      if (!open) return;
      const docx = await annualReportDocx(await view(open, localeOf(open)));
      res.setHeader('Content-Disposition', fileName(open, fileKind, 'docx'));
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(docx);
    });
  };
  yearDocument('annual-report', { html: 'annual-html', docx: 'annual-docx' }, 'arsrapport', async (open, locale) => annualReportView(locale, await exports.annualReport(open)));
  yearDocument('lagesbild-enligt-lag', { html: 'law-html', docx: 'law-docx' }, 'lagesbild-enligt-lag',
    async (open, locale) => lawLagesbildView(locale, await exports.lawLagesbild(open)));
  return router;
}

export function incidentsCsv(rows: IncidentExportRow[], locale: Locale, zone: string): string {
  const m = messages(locale);
  const c = m.lagesbild.export.columns;
  return toCsv(
    [...incidentHeader(m), c.youth, c.status, c.resolution, c.policeReportNumber, c.description],
    rows.map((r) => [...incidentCells(m, r, zone), r.youthInvolved, m.status[r.status], r.resolution, r.policeReportNumber, r.description]),
  );
}
