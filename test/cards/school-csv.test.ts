import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseSchoolCsv, SCHOOL_IMPORT_MAX } from '../../src/cards/forms/school-csv';

// The school register's CSV: namn;stadier;plats, one school a line; the first bad line stops it.

describe('school CSV', function () {
  it('When the shipped example is read, then it gives its three schools with stages as sets and optional places', function () {
    const text = fs.readFileSync(path.join(__dirname, '../../examples/skolregister-exempel.csv'), 'utf8');
    assert.deepEqual(parseSchoolCsv(text), {
      ok: true,
      rows: [
        { line: 2, name: 'Exempelskolan', stages: ['f-6'], place: 'Exempelskolans skolgård' },
        { line: 3, name: 'Exempelbyns skola', stages: ['f-6', '7-9'], place: null },
        { line: 4, name: 'Exempelgymnasiet', stages: ['gymnasium'], place: 'Stationsområdet' },
      ],
    });
  });

  it('When stages are written loosely (f–6, 79, Gy) and lines are blank, then they are still understood, with line numbers as typed', function () {
    const parsed = parseSchoolCsv('\nSkola A;7-9 + f–6;\n\nSkola B;Gy;Torget\n');
    assert.deepEqual(parsed, { ok: true, rows: [
      { line: 2, name: 'Skola A', stages: ['f-6', '7-9'], place: null },
      { line: 4, name: 'Skola B', stages: ['gymnasium'], place: 'Torget' },
    ] });
  });

  it('When a line is malformed, then the first such line is named with its reason', function () {
    assert.deepEqual(parseSchoolCsv('namn;stadier;plats\nSkola A;F-6;\nSkola B;mellanstadiet;'), { ok: false, line: 3, problem: { reason: 'stages', value: 'mellanstadiet' } });
    assert.deepEqual(parseSchoolCsv('Skola A;;'), { ok: false, line: 1, problem: { reason: 'noStages' } });
    assert.deepEqual(parseSchoolCsv('Skola A;F-6;Torget;extra'), { ok: false, line: 1, problem: { reason: 'columns' } });
    assert.deepEqual(parseSchoolCsv('Skola A;F-6\n;F-6'), { ok: false, line: 2, problem: { reason: 'name' } });
    assert.deepEqual(parseSchoolCsv('Skola A;F-6\nskola  a;7-9'), { ok: false, line: 2, problem: { reason: 'duplicate' } });
    assert.deepEqual(parseSchoolCsv('Skola A;F-6\n"Skola B;F-6'), { ok: false, line: 2, problem: { reason: 'quotes' } });
    const tooMany = Array.from({ length: SCHOOL_IMPORT_MAX + 1 }, (_, i) => `Skola ${i};F-6`).join('\n');
    assert.deepEqual(parseSchoolCsv(tooMany), { ok: false, line: SCHOOL_IMPORT_MAX + 1, problem: { reason: 'tooMany', max: SCHOOL_IMPORT_MAX } });
  });

  it('When the text holds only a heading or nothing, then there are no schools (and no error)', function () {
    assert.deepEqual(parseSchoolCsv(''), { ok: true, rows: [] });
    assert.deepEqual(parseSchoolCsv('namn;stadier;plats\n'), { ok: true, rows: [] });
  });
});
