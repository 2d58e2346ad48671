import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bind } from '../../src/cards/bind';
import { definedTemplates, render, type CardTemplate } from '../../src/cards/render';
import { cardBytes } from '../support/adaptive-card-check';
import { assertValidCardWithCharts } from '../support/chart-card-check';
import { LIMIT, SAMPLES } from './template-samples';

// Every card template, rendered with sample data: nothing left unresolved, no required element empty,
// and within Teams' size limits with the largest data the bot ever puts in (issue 10, typed cards).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a required part is empty: a TextBlock without text, an action without title, an input without id. */
function emptyRequired(node: Json, path = 'card', inSelectAction = false): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => emptyRequired(n, `${path}[${i}]`, inSelectAction));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  const type = typeof node.type === 'string' ? node.type : '';
  const blank = (v: Json | undefined) => typeof v !== 'string' || v.trim() === '';
  if (type === 'TextBlock' && blank(node.text)) found.push(`${path}: TextBlock without text`);
  // A container's select action and an automatic refresh have no title to show; every button does.
  if (type.startsWith('Action.') && !inSelectAction && blank(node.title)) found.push(`${path}: ${type} without title`);
  if (type === 'Action.Execute' && blank(node.verb)) found.push(`${path}: Action.Execute without verb`);
  if (type === 'Action.OpenUrl' && blank(node.url)) found.push(`${path}: Action.OpenUrl without url`);
  if (type.startsWith('Input.') && blank(node.id)) found.push(`${path}: ${type} without id`);
  if (type === 'Input.ChoiceSet' && Array.isArray(node.choices)) {
    node.choices.forEach((c, i) => { if (c && typeof c === 'object' && !Array.isArray(c) && blank(c.title)) found.push(`${path}.choices[${i}]: choice without title`); });
  }
  if ('facts' in node && Array.isArray(node.facts)) {
    node.facts.forEach((f, i) => { if (f && typeof f === 'object' && !Array.isArray(f) && blank(f.title)) found.push(`${path}.facts[${i}]: fact without title`); });
  }
  for (const [key, value] of Object.entries(node)) {
    found.push(...emptyRequired(value, `${path}.${key}`, inSelectAction || key === 'selectAction' || key === 'refresh'));
  }
  return found;
}

/** Every string of the rendered card that still holds a template expression. */
function unresolved(node: Json, path = 'card'): string[] {
  if (typeof node === 'string') return /\$\{|\$when|\$data/.test(node) ? [`${path}: ${node.slice(0, 80)}`] : [];
  if (Array.isArray(node)) return node.flatMap((n, i) => unresolved(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key.startsWith('$') && key !== '$schema' ? [`${path}.${key}: left in the card`] : []),
    ...unresolved(value, `${path}.${key}`),
  ]);
}

describe('every card template', () => {
  // Load every template module, so that a template added later is found without being listed here.
  const dir = join(__dirname, '../../src/cards/templates');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.card.ts'))) require(join(dir, file));
  const byName = new Map(SAMPLES.map((s) => [s.template.name, s]));

  it('When the templates are listed, then each has sample data here and each sample is of a defined template', () => {
    const defined = definedTemplates().map((t) => t.name).sort();
    assert.deepEqual(defined.filter((name) => !byName.has(name)), [], 'templates without sample data: add them to SAMPLES');
    assert.deepEqual([...byName.keys()].filter((name) => !defined.includes(name)), []);
    assert.equal(new Set(defined).size, defined.length);
  });

  for (const s of SAMPLES) {
    for (const size of ['small', 'large'] as const) {
      it(`When "${s.template.name}" is rendered with ${size} sample data, then nothing is unresolved or empty and it is valid`, () => {
        const card = render(s.template as CardTemplate<object>, s.data(size) as object) as unknown as Json;
        assert.deepEqual(unresolved(card), [], 'unresolved template expressions');
        assert.deepEqual(emptyRequired(card), [], 'empty required elements');
        assertValidCardWithCharts(card as Record<string, any>);
      });
    }

    it(`When "${s.template.name}" holds the largest data, then it stays within Teams' limit for a ${s.surface} (${LIMIT[s.surface] / 1024} KB)`, () => {
      const bytes = cardBytes(render(s.template as CardTemplate<object>, s.data('large') as object));
      assert.ok(bytes <= LIMIT[s.surface], `${s.template.name}: ${bytes} bytes`);
    });
  }

  it('When the template sources are read, then every binding goes through the typed binder', () => {
    // A quoted '${…}' would compile whatever it names; only the binder (bind.ts) checks names. form-parts
    // builds its error lines' `errors.<id>` itself, after its signature has checked the id.
    const raw = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'form-parts.ts')
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').map((line, i) => ({ where: `${f}:${i + 1}`, line })))
      .filter(({ line }) => /['"]\$\{|\\\$\{/.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line));
    assert.deepEqual(raw.map((r) => `${r.where}: ${r.line.trim()}`), []);
  });

  it('When a template binds a name its data does not have, then it does not compile', () => {
    // Compile-time checks: `npm test` type-checks this file; each line below must stay an error.
    const b = bind<{ title: string; rows: { when: string; line: string }[]; labels: { save: string } }>();
    // @ts-expect-error misspelt name
    b('titel');
    // @ts-expect-error a field of the items is not a field of the data
    b('when');
    // @ts-expect-error a nested name that does not exist
    b('labels.sav');
    // @ts-expect-error an expression over a misspelt name
    b.expr`${'titel'} != ''`;
    // @ts-expect-error $data over something that is not a list
    b.each('title', () => ({}));
    // @ts-expect-error inside the items' scope only their fields are known
    b.each('rows', (row) => ({ text: row('title') }));
    assert.equal(b('labels.save'), '${labels.save}');
    assert.equal(b.expr`count(${'rows'}) > 0`, '${count(rows) > 0}');
    assert.deepEqual(b.each('rows', (row) => ({ title: row('when') })), { $data: '${rows}', title: '${when}' });
  });
});
