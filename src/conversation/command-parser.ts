import { foldText } from '../domain/place';

// Commands are matched on folded text (case and accents ignored), Swedish and English alike, so
// "Hjälp", "HJALP" and "help" are the same command. Longer phrases win over shorter ones.

// Every command of the bot and its aliases (Swedish first). A feature adds its commands here and its
// runner in the composition root; the parser itself never changes.
export const COMMANDS = {
  help: ['hjälp', 'help', '?'],
  report: ['rapportera', 'rapport', 'report', 'händelse', 'incident'],
  activity: ['aktivitet', 'activity', 'logga aktivitet', 'log activity'],
  latest: ['senaste', 'latest', 'senaste rapporter', 'recent'],
  hotspot: ['hotspot', 'hot spot', 'snabbrapport', 'quick report'],
  hotspotShow: ['hotspot visa', 'hot spot visa', 'visa hotspot', 'hotspot show', 'show hotspot'],
  hotspots: ['hotspots', 'hot spots', 'aktiva hotspots', 'active hotspots'],
  hotspotProposals: ['hotspots förslag', 'hot spots förslag', 'hotspotförslag', 'hotspots suggestions', 'hotspot suggestions'],
  places: ['platser', 'platsregister', 'places', 'place register'],
  subscribe: ['prenumerera', 'subscribe'],
  subscription: ['prenumeration', 'subscription', 'visa prenumeration', 'show subscription'],
  unsubscribe: ['avsluta prenumeration', 'avsluta prenumerationen', 'sluta prenumerera', 'unsubscribe'],
  lagesbild: ['lägesbild', 'lägesbilden', 'situation', 'situation picture', 'digest'],
  export: ['export', 'exportera'],
  coordinator: ['koordinator', 'coordinator'],
  organisation: ['organisation', 'organization'],
  log: ['logg', 'log', 'audit'],
  est: ['est', 'est-veckan', 'estveckan', 'est week'],
  reporters: ['rapportörer', 'rapportörerna', 'rapportör', 'reporters'],
  schools: ['skolor', 'skolregister', 'schools', 'school register'],
  school: ['skola', 'school'],
  // Issue 11: call-outs and call lists.
  mobilise: ['mobilisera', 'mobilise', 'mobilize', 'larma'],
  callList: ['ringlista', 'call list', 'calllist'],
  promises: ['löften', 'medborgarlöften', 'promises', 'citizen promises'],
  promisesNew: ['löften nytt', 'löften ny', 'nytt löfte', 'promises new', 'new promise'],
  promisesImport: ['löften import', 'importera löften', 'promises import', 'import promises'],
  meeting: ['strategiskt möte', 'strategic meeting'],
  // Issue 12: the yearly report.
  annual: ['årsrapport', 'årsrapporten', 'annual report'],
  // Issue 12: a CSV file sent in the personal chat; every message with a file goes here (Dispatcher.command).
  importFile: ['importera fil', 'importera filen', 'import file'],
  // Issue 12: the lägesbild SFS 2023:196 asks for ("lägesbild" alone stays the weekly one: longer phrases win).
  lawLagesbild: ['lägesbild enligt lag', 'lägesbilden enligt lag', 'statutory situation report', 'statutory report'],
} as const satisfies Record<string, readonly string[]>;

export type CommandName = keyof typeof COMMANDS;

export type ParsedCommand =
  | { name: CommandName; args: string }
  | { name: 'unknown'; args: string };

const phrases = (Object.entries(COMMANDS) as [CommandName, readonly string[]][])
  .flatMap(([name, aliases]) => aliases.map((alias) => ({ name, words: foldText(alias).split(' ') })))
  .sort((a, b) => b.words.length - a.words.length);

/**
 * Where a command's words stand in a message: any of its aliases, in any case, with or without accents
 * (as parseCommand matches them). For a command that reads what follows its words on later lines, as
 * `löften import` reads pasted lines.
 */
export function commandWords(name: CommandName): RegExp {
  const letter = (c: string) => {
    if (c === ' ') return '\\s+';
    const escaped = c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const folded = foldText(c);
    return folded === c.toLowerCase() ? escaped : `(?:${escaped}|${folded})`;
  };
  return new RegExp(`(?:${COMMANDS[name].map((alias) => [...alias].map(letter).join('')).join('|')})\\b`, 'i');
}

/** Teams sends channel messages as light HTML with an <at> mention of the bot; only the words count. */
export function plainText(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseCommand(text: string): ParsedCommand {
  const words = plainText(text).split(' ').filter(Boolean);
  const folded = words.map((w) => foldText(w).replace(/[.!,:;]+$/, ''));
  for (const phrase of phrases) {
    if (phrase.words.every((w, i) => folded[i] === w)) {
      return { name: phrase.name, args: words.slice(phrase.words.length).join(' ') };
    }
  }
  return { name: 'unknown', args: words.join(' ') };
}
