import { app, authentication, pages } from '@microsoft/teams-js';

/** What the page knows of where it runs: in Teams (with sign-on) or in a browser (local preview). */
export interface Host {
  inTeams: boolean;
  theme: string | null;
  locale: string | null;
  /** The channel or chat the tab is opened in; null in a personal (static) tab. */
  conversationId: string | null;
  /** A deep link's sub page: the report number to open. */
  subPageId: string | null;
  token(): Promise<string | null>;
  onThemeChange(handler: (theme: string) => void): void;
}

const BROWSER: Host = {
  inTeams: false, theme: null, locale: null, conversationId: null, subPageId: null,
  token: async () => null, onThemeChange: () => undefined,
};

/**
 * Connects to Teams when the page is framed by it. A page that is not framed (local preview in a
 * browser) never waits for Teams.
 */
export async function connectHost(): Promise<Host> {
  if (window.parent === window) return BROWSER;
  try {
    await app.initialize();
    const context = await app.getContext();
    app.notifySuccess();
    return {
      inTeams: true,
      theme: context.app.theme,
      locale: context.app.locale,
      conversationId: context.channel?.id ?? context.chat?.id ?? null,
      subPageId: context.page.subPageId ?? null,
      // Teams caches the token and renews it before it expires.
      token: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    };
  } catch {
    return BROWSER;
  }
}

/** The configuration page of the channel tab: nothing to choose, the tab is the channel's lägesbild. */
export function offerTabConfiguration(origin: string, name: string): void {
  pages.config.registerOnSaveHandler((event) => {
    void pages.config.setConfig({ contentUrl: `${origin}/tab?theme={theme}&locale={locale}`, websiteUrl: `${origin}/tab`, entityId: 'lagesbild', suggestedDisplayName: name })
      .then(() => event.notifySuccess(), () => event.notifyFailure());
  });
  pages.config.setValidityState(true);
}
