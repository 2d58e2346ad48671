import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readImportFile } from '../../../src/cards/forms/promise-import-file';
import { readImport, type ImportRow } from '../../../src/domain/promises/promise-import';

// The import file, read as the bot reads it: the shipped Kungsör 2020 example faithfully, and a file
// with mistakes refused whole, each error at its line.

/** The seed document (shared/seed), kept as a fixture: the example must say what it says. */
const SEED = fs.readFileSync(path.join(__dirname, '../../fixtures/medborgarloften-kungsor-2020.txt'), 'utf8');
const EXAMPLE = fs.readFileSync(path.join(__dirname, '../../../examples/medborgarloften-kungsor-2020.csv'), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const rowsOf = (csv: string): ImportRow[] => {
  const file = readImportFile(csv);
  assert.ok(file.ok, 'the file reads as CSV');
  return file.rows;
};

describe('medborgarlöften import', () => {
  it('When the Kungsör 2020 example is read, then it holds the seed\'s three promises and eight commitments, word for word, for 2020', () => {
    const read = readImport(rowsOf(EXAMPLE));
    assert.ok(read.ok, JSON.stringify(!read.ok && read.errors));
    assert.deepEqual(read.promises.map((p) => [p.year, p.commitments.length]), [[2020, 3], [2020, 2], [2020, 3]]);
    const seed = squash(SEED);
    for (const promise of read.promises) {
      assert.ok(seed.includes(squash(promise.title)), `the title is the seed's: ${promise.title.slice(0, 40)}`);
      assert.ok(seed.includes(squash(promise.text)), `the text is the seed's: ${promise.text.slice(0, 40)}`);
      for (const c of promise.commitments) {
        assert.ok(seed.includes(`- ${squash(c.text)}`), `a commitment of the seed: ${c.text.slice(0, 50)}`);
        assert.deepEqual([c.periodFrom, c.periodTo], ['2020-01-01', '2020-12-31'], 'the seed: gäller under tiden 2020-01-01 -- 2020-12-31');
      }
    }
    assert.deepEqual(read.promises[0]!.commitments[0]!.organisations, ['polisen', 'skola', 'socialtjanst', 'kommunen']);
    assert.deepEqual(read.promises[2]!.commitments[1]!.organisations, ['kommunen'], 'the digital support is the municipality\'s alone');
    assert.deepEqual(read.lines, [2, 6, 9], 'the promises\' lines in the file');
  });

  it('When lines are wrong, then nothing is read and each error names its line and reason', () => {
    const read = readImport(rowsOf([
      'typ;år;rubrik;text;organisationer;från;till',
      'åtagande;;;Först utan löfte;Polisen;;',
      'löfte;20x0;Rubrik;Text;;;',
      'löfte;2021;Rätt löfte;Text;;;',
      'åtagande;;;Rätt;Polisen och skolan;2021-02-01;2021-05-31',
      'åtagande;;;;Polisen;;',
      'åtagande;;;Bakvänd;Polisen;2021-06-01;2021-05-01',
      'åtagande;;;Fel år;Polisen;2022-01-01;2022-02-01',
      'åtagande;;;Ring 811218-9876;Polisen;;',
      'möte;;;x;;;',
      'löfte;2021;Utan åtagande;Text;;;',
      'löfte;2021;RÄTT löfte;Text;;;',
      'åtagande;;;Dubbel;Polisen;;',
    ].join('\n')));
    assert.ok(!read.ok);
    assert.deepEqual(read.errors.map((e) => [e.line, e.code, e.detail ?? '']), [
      [2, 'commitment_before_promise', ''],
      [3, 'bad_year', '20x0'],
      [6, 'missing_text', ''],
      [7, 'period_reversed', ''],
      [8, 'period_outside_year', ''],
      [9, 'personal_data', 'personnummer'],
      [10, 'unknown_kind', 'möte'],
      [11, 'promise_without_commitment', ''],
      [12, 'duplicate_title', ''],
    ]);
  });

  it('When a quote is left open, then the file is refused as unreadable at its line; an empty file has nothing to import', () => {
    const file = readImportFile('typ;år;rubrik;text;organisationer;från;till\nlöfte;2021;"Öppet citat;Text;;;\n');
    assert.ok(!file.ok);
    assert.equal(file.error.code, 'unreadable');
    const empty = readImport(rowsOf('typ;år;rubrik;text;organisationer;från;till\n'));
    assert.deepEqual(!empty.ok && empty.errors.map((e) => e.code), ['empty']);
  });
});
