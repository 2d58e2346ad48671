import type * as Docx from 'docx';
import type { AnnualReportView, AnnualTable } from '../cards/annual-report-view';

/**
 * The årsrapport as a Word file (docx, built with the maintained `docx` package): the same view as the
 * printable page, a heading per section, its text, tables and source line.
 */
export async function annualReportDocx(view: AnnualReportView): Promise<Buffer> {
  // Loaded at the first report, not at start (as jszip for the export); require for tsx's CommonJS hook.
  const d = require('docx') as typeof Docx;
  const text = (t: string, opts: { italics?: boolean; bold?: boolean } = {}) => new d.Paragraph({ children: [new d.TextRun({ text: t, ...opts })] });
  const table = (t: AnnualTable) => new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: [t.header, ...t.rows].map((row, i) => new d.TableRow({
      tableHeader: i === 0,
      children: row.map((v) => new d.TableCell({ children: [text(String(v), { bold: i === 0 })] })),
    })),
  });
  const children: (Docx.Paragraph | Docx.Table)[] = [
    new d.Paragraph({ text: view.title, heading: d.HeadingLevel.TITLE }),
    text(view.subtitle, { italics: true }),
    ...(view.partial ? [text(view.partial)] : []),
    ...view.sections.flatMap((s) => [
      new d.Paragraph({ text: s.title, heading: d.HeadingLevel.HEADING_1 }),
      ...s.paragraphs.map((p) => text(p)),
      ...s.tables.map(table),
      text(s.source, { italics: true }),
    ]),
    text(view.generated, { italics: true }),
  ];
  const doc = new d.Document({ title: view.title, sections: [{ children }] });
  return d.Packer.toBuffer(doc);
}
