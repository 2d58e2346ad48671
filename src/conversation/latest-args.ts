import type { LatestQuery } from '../domain/latest-query';
import { LIMITS } from '../domain/limits';
import { foldText } from '../domain/place';

// What follows `senaste` / `latest`: "öppna", "mina", "skola <namn>", in any order ("senaste mina
// öppna"). The school's name is the rest of the line after "skola". Folded, so "Öppna" = "oppna".

const OPEN = ['oppna', 'open'];
const MINE = ['mina', 'mine', 'my'];
const SCHOOL = ['skola', 'skolan', 'school'];
/** Words that narrow nothing: "senaste rapporterna", "latest reports". */
const FILLER = ['rapporter', 'rapporterna', 'reports'];

/** The query the words ask for, the user's own reports being `userId`'s; null when a word is not understood. */
export function parseLatestArgs(args: string, userId: string): LatestQuery | null {
  const words = args.split(/\s+/).filter(Boolean);
  const query: LatestQuery = { open: false, involving: null, school: null };
  for (let i = 0; i < words.length; i++) {
    const word = foldText(words[i]!).replace(/[.,!:;]+$/, '');
    if (OPEN.includes(word)) query.open = true;
    else if (MINE.includes(word)) query.involving = userId;
    else if (FILLER.includes(word)) continue;
    else if (SCHOOL.includes(word)) {
      const name = words.slice(i + 1).join(' ').trim();
      if (name === '' || name.length > LIMITS.schoolMax) return null;
      return { ...query, school: name };
    } else return null;
  }
  return query;
}
