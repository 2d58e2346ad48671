import type { Catalogue } from '../i18n/messages';

/**
 * The personal tab's choice of conversation (and the local preview's): a labelled select. Choosing
 * one keeps it in the URL as `conversation` and opens the tab again there, so a reload or a shared
 * link shows the same conversation; the filters in the URL are kept.
 */
export function conversationChooser(m: Catalogue, choices: readonly { id: string; name: string }[], chosen: string): HTMLElement {
  const wrap = document.createElement('label');
  wrap.className = 'field conversation-choice';
  const caption = document.createElement('span');
  caption.textContent = m.tab.conversation;
  const select = document.createElement('select');
  select.id = 'conversation-choice';
  select.append(...choices.map((c) => new Option(c.name, c.id)));
  select.value = chosen;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('conversation', select.value);
    location.assign(url);
  });
  wrap.append(caption, select);
  return wrap;
}
