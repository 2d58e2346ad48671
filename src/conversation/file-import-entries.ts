import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import { notice } from '../cards/report-cards';
import type { PromiseRegister } from '../domain/promises/promise-register';
import type { DownloadableFile, SentFileReader } from '../domain/ports/sent-files.port';
import { format, messages } from '../i18n/messages';
import { cardReply, type ChatContext } from './chat-context';
import { importKindOf } from './import-file-kind';
import { importPromiseCsv } from './promise-entries';
import { command, type CommandEntry } from './registry/entries';
import { commandArgs } from './registry/payloads';
import { noTarget } from './registry/targets';
import { importSchoolCsv, type SchoolFeature } from './school-entries';

// A CSV file sent to the bot in the personal chat (issue 12: "imported from a file"): the same import
// as pasting the lines — the same parser, the same per-line reasons, all or nothing, coordinators
// only. The words of the message say which register ("löften import", "skolor import"); without them
// the file's header line does, and when neither does the bot asks. In a channel or group chat the
// file lies in SharePoint, out of the bot's reach: the answer says how to import instead.

export interface FileImportFeature {
  reader: SentFileReader;
  promises: Pick<PromiseRegister, 'importRows'>;
  schools: Pick<SchoolFeature, 'service'>;
}

/** What the bot edge passes on of a message's file (MessageFile); the link is checked again when fetched. */
const sentFile = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('download'), name: z.string().max(400), fileType: z.string().max(40), downloadUrl: z.string().max(4000) }),
  z.object({ kind: z.literal('elsewhere') }),
  z.object({ kind: z.literal('linked') }),
]);

const isCsv = (file: DownloadableFile) => file.fileType.toLowerCase() === 'csv' || /\.csv$/i.test(file.name);

async function importFile(f: FileImportFeature, ctx: ChatContext, text: string, file: DownloadableFile): Promise<AdaptiveCard> {
  const t = messages(ctx.locale).fileImport;
  const problem = (message: string) => notice(message, { title: t.title, tone: 'attention' });
  if (!isCsv(file)) return problem(t.notCsv);
  const read = await f.reader.read(file);
  if (!read.ok) return problem(read.reason === 'too_large' ? format(t.tooLarge, { max: Math.floor(f.reader.maxBytes / 1024) }) : t.unreadable);
  const kind = importKindOf(text, read.text);
  if (kind === null) return problem(t.whichKind);
  if (kind === 'promises') return importPromiseCsv(f.promises, ctx, read.text);
  const schools = await importSchoolCsv(f.schools, ctx, read.text);
  return schools.ok ? schools.card : problem(schools.problem);
}

/** `importera fil`, and every message that carries a file: the import, or how to import. */
export function fileImportCommands(f: FileImportFeature): CommandEntry[] {
  return [
    command({
      command: 'importFile', payload: commandArgs.extend({ text: z.string().max(4000).default(''), file: sentFile.optional() }),
      target: noTarget, right: 'coordinator', writes: true,
      handle: async ({ ctx, payload }) => {
        const t = messages(ctx.locale).fileImport;
        const file = payload.file;
        if (file?.kind === 'download') return [cardReply(await importFile(f, ctx, payload.text, file))];
        return [cardReply(notice(file ? t[file.kind] : t.howTo, { title: t.title }))];
      },
    }),
  ];
}
