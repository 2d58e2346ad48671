import type { MapIncident, MapSummary } from '../domain/tab/lagesbild-map';

// What the page reads from the server, as JSON: dates arrive as ISO text.

export type Dated<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
export type TabIncident = Dated<MapIncident>;
export interface Period { firstDay: string; lastDay: string }

export interface Session {
  preview: boolean;
  conversations: { id: string; name: string }[];
  tiles: { url: string | null; attribution: string };
}

export type ApiAnswer<T> = { ok: true; value: T } | { ok: false; status: number; message: string | null };

/** Asks the tab API; `token` null in local preview. */
export class TabApi {
  constructor(private readonly token: () => Promise<string | null>) {}

  async get<T>(path: string, query: URLSearchParams): Promise<ApiAnswer<T>> {
    const bearer = await this.token();
    const res = await fetch(`/api/tab/${path}?${query.toString()}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    if (res.ok) return { ok: true, value: (await res.json()) as T };
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    return { ok: false, status: res.status, message: body.message ?? null };
  }

  incidents(query: URLSearchParams) {
    return this.get<{ period: Period; incidents: TabIncident[] }>('incidents', query);
  }

  summary(query: URLSearchParams) {
    return this.get<{ period: Period } & MapSummary>('summary', query);
  }

  /** The personal tab's choice: the conversations where the caller is a member. */
  /** `ref`: a report link's number; the answer then names the conversation holding it (if the user is in it). */
  conversations(ref: string | null) {
    return this.get<{ conversations: Session['conversations']; reportConversation: string | null }>('conversations', new URLSearchParams(ref ? { ref } : {}));
  }

  /** The CSV of the filtered rows, as a file the browser saves. */
  async downloadCsv(query: URLSearchParams): Promise<boolean> {
    const bearer = await this.token();
    const res = await fetch(`/api/tab/incidents.csv?${query.toString()}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    if (!res.ok) return false;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'incidents.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  }
}

export async function session(): Promise<Session> {
  const res = await fetch('/api/tab/session');
  return (await res.json()) as Session;
}
