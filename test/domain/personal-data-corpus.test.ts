import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cleanText } from '../../src/domain/privacy/clean-text';
import { findPersonalData, maskPersonalData, type PersonalDataKind } from '../../src/domain/privacy/personal-data-guard';

// The guard against a corpus of texts as people write them (test/fixtures/personal-data-corpus.json):
// what must be found, as what kind and how it reads masked, and what must be left alone (dates, times,
// K-nummer, amounts, postcodes, school years, counts).

interface CorpusCase { text: string; kinds: PersonalDataKind[]; masked?: string; note?: string }

const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/personal-data-corpus.json'), 'utf8')) as { cases: CorpusCase[] };

/** What must survive masking untouched wherever it appears. */
const NEVER_MASKED = [
  /(?:\d{4} ?- ?)?[Kk] ?\d{1,8} ?- ?\d{2}(?!\d)/g, // K-nummer
  /(?:19|20)\d{2}-[01]\d-[0-3]\d/g, // 2026-11-24
  /(?<!\d)[0-3]?\d\/[01]?\d(?:\/\d{2,4})?(?!\d)/g, // 24/11, 24/11/2026
];

const show = (text: string) => JSON.stringify(text);

describe('personal-data guard: the corpus', () => {
  it('has positive and negative cases of every kind', () => {
    const kinds = new Set(corpus.cases.flatMap((c) => c.kinds));
    assert.deepEqual([...kinds].sort(), ['e-post', 'möjligt personnummer', 'personnummer', 'registreringsnummer', 'samordningsnummer', 'telefonnummer']);
    assert.ok(corpus.cases.filter((c) => c.kinds.length === 0).length >= 50, 'at least 50 texts that must be left alone');
    assert.ok(corpus.cases.length >= 120);
  });

  for (const c of corpus.cases) {
    const label = c.kinds.length === 0 ? `leaves ${show(c.text)} alone (${c.note ?? 'negative'})` : `finds ${c.kinds.join(', ')} in ${show(c.text)}${c.note ? ` (${c.note})` : ''}`;
    it(label, () => {
      assert.deepEqual(findPersonalData(c.text).map((f) => f.kind), c.kinds, show(c.text));
      const masked = maskPersonalData(c.text);
      if (c.masked !== undefined) assert.equal(masked, c.masked);
      if (c.kinds.length === 0) assert.equal(masked, cleanText(c.text), 'nothing masked');
      for (const pattern of NEVER_MASKED) {
        for (const m of cleanText(c.text).matchAll(pattern)) assert.ok(masked.includes(m[0]), `${show(m[0])} must stay in ${show(masked)}`);
      }
      // What is found is never shown as it was typed.
      for (const finding of findPersonalData(c.text)) assert.match(finding.masked, /\*|\[/);
    });
  }
});
