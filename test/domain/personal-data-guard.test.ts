import assert from 'node:assert/strict';
import { findPersonalData, luhnValid, maskPersonalData } from '../../src/domain/privacy/personal-data-guard';

// Check digits computed by hand with the Luhn weights 2,1,2,1,…: 811218-987 → 6, 050101-123 → 3.
describe('personal-data guard', () => {
  it('checks the Luhn digit as Skatteverket does', () => {
    assert.equal(luhnValid('8112189876'), true);
    assert.equal(luhnValid('8112189875'), false);
    assert.equal(luhnValid('0501011233'), true);
  });

  const identityCases: [string, string][] = [
    ['811218-9876', '811218-****'],
    ['8112189876', '811218-****'],
    ['19811218-9876', '19811218-****'],
    ['198112189876', '19811218-****'],
    ['811218+9876', '811218+****'],
    ['20050101-1233', '20050101-****'],
  ];
  for (const [number, masked] of identityCases) {
    it(`finds and masks the personal identity number ${number}`, () => {
      assert.deepEqual(findPersonalData(`Eleven ${number} var där.`), [{ kind: 'personnummer', masked }]);
      assert.equal(maskPersonalData(`Eleven ${number} var där.`), `Eleven ${masked} var där.`);
    });
  }

  it('finds coordination numbers (day + 60)', () => {
    // 810278-…: day 78 = 18 + 60. The check digit comes from luhnValid, itself checked by hand above.
    const ten = ['8', '1', '0', '2', '7', '8', '1', '2', '3'];
    const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(ten.join('') + d))!;
    const number = `810278-123${check}`;
    assert.deepEqual(findPersonalData(number), [{ kind: 'samordningsnummer', masked: '810278-****' }]);
  });

  it('does not mask numbers that fail Luhn or are not dates', () => {
    for (const text of ['811218-9875', '811318-9876', '811200-9876', '12345678-1234']) {
      assert.deepEqual(findPersonalData(text).filter((f) => f.kind === 'personnummer'), [], text);
    }
  });

  it('leaves ordinary dates, times, K-nummer and counts alone', () => {
    for (const text of [
      'Hände 2026-01-15 kl 22:10', 'K123456-26', '5000-K123456-26', 'Diarienummer KS 2026/123', '12 ungdomar, 3 vuxna',
      'Vecka 12 2026', 'Busslinje 110', 'Kostnad 12 500 kr', 'Stora torget 1',
    ]) {
      assert.deepEqual(findPersonalData(text), [], text);
      assert.equal(maskPersonalData(text), text);
    }
  });

  it('finds phone numbers in their common Swedish forms', () => {
    for (const phone of ['070-123 45 67', '0701234567', '+46 70 123 45 67', '08-123 456 78', '+46701234567']) {
      const found = findPersonalData(`Ring ${phone} ikväll`);
      assert.equal(found.length, 1, phone);
      assert.ok(['telefonnummer', 'personnummer'].includes(found[0]!.kind), phone);
      assert.doesNotMatch(maskPersonalData(`Ring ${phone} ikväll`), /45 67|4567|456 78/);
    }
  });

  it('finds e-mail addresses and car registrations, masking them whole', () => {
    assert.equal(maskPersonalData('Mejla åsa.berg@kungsor.se eller ABC123'), 'Mejla [e-post] eller [reg.nr]');
    assert.equal(maskPersonalData('Bilen var en abc 12d'), 'Bilen var en [reg.nr]');
    assert.deepEqual(findPersonalData('Plåt ABI123 och MP3'), []);
  });
});

describe('personal-data guard: forms it used to miss (issue 16)', () => {
  const missed: [string, string][] = [
    ['811218 9876', 'personnummer'], ['19811218 9876', 'personnummer'], ['pnr811218-9876', 'personnummer'],
    ['811218-9876a', 'personnummer'], ['811218.9876', 'personnummer'], ['8112\u200B18-9876', 'personnummer'],
    ['\uFF18\uFF11\uFF11\uFF12\uFF11\uFF18-\uFF19\uFF18\uFF17\uFF16', 'personnummer'], ['070\u200B-123\u200B45\u200B67', 'telefonnummer'],
    ['070.123 45 67', 'telefonnummer'], ['46701234567', 'telefonnummer'], ['070 - 123 45 67', 'telefonnummer'],
    ['070/1234567', 'telefonnummer'], ['x(at)y.se', 'e-post'], ['ABC-123', 'registreringsnummer'], ['ABC  123', 'registreringsnummer'],
  ];
  for (const [text, kind] of missed) {
    it(`finds ${JSON.stringify(text)} as ${kind} and masks it`, () => {
      assert.deepEqual(findPersonalData(`Se ${text} här`).map((f) => f.kind), [kind]);
      assert.doesNotMatch(maskPersonalData(`Se ${text} här`), /9876|4567|45 67|x\(at\)|123(?! 45)/);
    });
  }

  it('When the check digit is wrong but the rest reads as a date of birth and four digits, then it is a possible personnummer, masked too', () => {
    assert.deepEqual(findPersonalData('Eleven 811218-9875 sprang'), [{ kind: 'möjligt personnummer', masked: '811218-****' }]);
    assert.equal(maskPersonalData('Eleven 811218-9875 sprang'), 'Eleven 811218-**** sprang');
    assert.deepEqual(findPersonalData('811318-9875'), [], 'month 13 is no date of birth');
  });

  it('When a three-letter word stands before a phone number, then the phone number wins and nothing overlaps', () => {
    assert.equal(maskPersonalData('tel 070-1234567'), 'tel 070-*******');
    assert.equal(maskPersonalData('TEL 070-1234567'), 'TEL 070-*******');
    assert.equal(maskPersonalData('ABC 123 och 070-1234567'), '[reg.nr] och 070-*******');
  });

  it('When a K-nummer, a date or a time holds digits that would make a phone number, then it is left as it is', () => {
    for (const text of ['5000-K0123456-26', '2026-01-15 08 12', '0730-0815', 'kl 07.30 - 08.15']) assert.equal(maskPersonalData(text), text);
  });

  it('When the text holds invisible or bidi control characters, then the stored text is NFC without them', () => {
    assert.equal(maskPersonalData('Tor\u200Bget \u202Eskadat'), 'Torget skadat');
    assert.equal(maskPersonalData('Ga\u0308vle'), 'Gävle');
    assert.equal(maskPersonalData('familj 👨\u200D👩\u200D👧'), 'familj 👨\u200D👩\u200D👧', 'a joiner inside an emoji is kept');
  });
});
