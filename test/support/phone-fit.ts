import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from './bot-process';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

/** The width of a card on a small phone in Teams (the message column, after the avatar and margins). */
export const PHONE_WIDTH = 340;

/**
 * A host config close to Teams' (light theme): Teams' font sizes, spacing and buttons in a row. Cards are
 * rendered with it by the adaptivecards JS renderer, as the Adaptive Cards designer does for Teams.
 */
export const TEAMS_HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  actions: {
    maxActions: 6, spacing: 'default', buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 16 }, iconPlacement: 'leftOfTitle', iconSize: 16,
  },
  factSet: {
    title: { size: 'default', weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { size: 'default', weight: 'default', wrap: true },
    spacing: 12,
  },
  inputs: { label: { inputSpacing: 'small' }, errorMessage: { size: 'small', color: 'attention' } },
};

/** What does not fit: an element wider than its box (overflow, or text cut with an ellipsis), or outside the card. */
export interface Misfit {
  /** The element's classes, e.g. "ac-textBlock" or "ac-pushButton". */
  element: string;
  /** The start of its text, to find it in the card. */
  text: string;
  problem: 'overflows' | 'cut' | 'outside the card';
  scrollWidth: number;
  clientWidth: number;
}

/**
 * One headless Chromium for all cards: a page with the adaptivecards renderer and a container as wide
 * as a phone. `measure` renders a card there and lists what does not fit.
 */
export class PhoneFit {
  private constructor(private readonly browser: Browser, private readonly page: Page) {}

  static async open(): Promise<PhoneFit> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      body { margin: 0; background: #fff; }
      #phone { width: ${PHONE_WIDTH}px; box-sizing: border-box; }
      /* Inputs as Teams styles them: as wide as their column, padding and border included. */
      #phone .ac-input, #phone select, #phone input, #phone textarea { box-sizing: border-box; max-width: 100%; }
    </style></head><body><div id="phone"></div></body></html>`);
    await page.addScriptTag({ path: join(projectRoot, 'node_modules/adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ content: MEASURE_IN_PAGE });
    return new PhoneFit(browser, page);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  async measure(card: unknown): Promise<Misfit[]> {
    return this.page.evaluate(([c, config]) => (window as unknown as { measureCard: (c: unknown, h: unknown) => Misfit[] }).measureCard(c, config), [card, TEAMS_HOST_CONFIG] as const);
  }
}

/**
 * Runs in the page: renders the card into the phone-wide container and lists what does not fit. Plain
 * JavaScript, as the page gets it (the test's TypeScript is compiled with helpers the page lacks).
 */
const MEASURE_IN_PAGE = `
window.measureCard = function (card, hostConfig) {
  var AC = window.AdaptiveCards;
  var adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(hostConfig);
  adaptive.parse(card);
  var rendered = adaptive.render();
  var phone = document.getElementById('phone');
  phone.replaceChildren.apply(phone, rendered ? [rendered] : []);
  var edge = phone.getBoundingClientRect();
  var found = [];
  phone.querySelectorAll('*').forEach(function (el) {
    // Inputs scroll their own value; hidden parts (an overflow menu, a collapsed card) are not seen.
    if (['INPUT', 'TEXTAREA', 'SELECT', 'OPTION'].indexOf(el.tagName) >= 0 || el.closest('input, textarea, select')) return;
    var style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.offsetParent === null) return;
    function misfit(problem) {
      return {
        element: (typeof el.className === 'string' && el.className) || el.tagName.toLowerCase(),
        text: (el.textContent || '').trim().slice(0, 60), problem: problem, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
      };
    }
    var box = el.getBoundingClientRect();
    if (box.width > 0 && (box.left < edge.left - 1 || box.right > edge.right + 1)) found.push(misfit('outside the card'));
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      found.push(misfit(style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' ? 'cut' : 'overflows'));
    }
  });
  return found;
};
`;
