// Working days (DOMAIN.md §8) against the State Council's published 2025 and 2026 schedules (as shipped in
// chinese-days), resident ID numbers (GB 11643) and personal data at rest (AES-256-GCM, keyed hash, masks).
import { randomBytes } from 'node:crypto';
import { config, loadConfig, setConfig, type Config } from '../../api/src/config';
import { addWorkdays, isWorkday, workdayCalendar, workdaysBetween, type WorkdayCalendar } from '../../api/src/platform/calendar/workdays';
import { decryptPersonal, encryptPersonal, maskAddress, maskIdNumber, maskPhone, personalHash, sealedWithOldKey } from '../../api/src/platform/crypto/personal-data';
import { ageOn, residentIdBirthDate, residentIdCheckChar, residentIdProblem } from '../../api/src/platform/identifiers/resident-id';

describe('isWorkday', () => {
  test('the 2026 National Day holiday (10-01 … 10-07) is off, including its weekdays; 10-08 is a working day', () => {
    for (let d = 1; d <= 7; d++) expect([d, isWorkday(`2026-10-0${d}`)]).toEqual([d, false]);
    expect(isWorkday('2026-10-08')).toBe(true);
  });

  test('adjusted working weekend days (调休) are working days: Sun 2026-09-20, Sat 2026-10-10, Sun 2026-01-04, Sat 2026-02-14, Sun 2025-09-28, Sat 2025-10-11', () => {
    for (const date of ['2026-09-20', '2026-10-10', '2026-01-04', '2026-02-14', '2025-09-28', '2025-10-11']) {
      expect([date, new Date(`${date}T00:00:00Z`).getUTCDay() % 6 === 0, isWorkday(date)]).toEqual([date, true, true]);
    }
  });

  test('an ordinary weekend is off and an ordinary weekday is on (2026-11-21 Sat, 2026-11-22 Sun, 2026-11-23 Mon)', () => {
    expect(isWorkday('2026-11-21')).toBe(false);
    expect(isWorkday('2026-11-22')).toBe(false);
    expect(isWorkday('2026-11-23')).toBe(true);
  });

  test('weekday holidays of 2025 and 2026 are off: 2025-10-08 (Wed), 2025-05-05 (Mon), 2026-02-23 (Mon), 2026-06-19 (Fri), 2026-09-25 (Fri)', () => {
    for (const date of ['2025-10-08', '2025-05-05', '2026-02-23', '2026-06-19', '2026-09-25']) expect([date, isWorkday(date)]).toEqual([date, false]);
  });
});

describe('addWorkdays', () => {
  test('the day of the event is not counted: one working day after Monday is Tuesday, after Friday the next Monday', () => {
    expect(addWorkdays('2026-03-02', 1).date).toBe('2026-03-03');
    expect(addWorkdays('2026-03-06', 1).date).toBe('2026-03-09');
    // An event on a Saturday: the first working day after it is Monday.
    expect(addWorkdays('2026-03-07', 1).date).toBe('2026-03-09');
  });

  test('a 5-working-day hearing window after a notice on 2026-09-30 skips the National Day holiday and counts Saturday 10-10', () => {
    // 10-08 (1), 10-09 (2), Sat 10-10 调休 (3), 10-12 (4), 10-13 (5).
    expect(addWorkdays('2026-09-30', 5)).toEqual({ date: '2026-10-13', calendarVersion: workdayCalendar().version, warnings: [] });
    expect(addWorkdays('2026-09-30', 1).date).toBe('2026-10-08');
  });

  test('2025: one working day after 2025-09-30 is 2025-10-09 (National Day and Mid-autumn together)', () => {
    expect(addWorkdays('2025-09-30', 1).date).toBe('2025-10-09');
    // Sun 2025-09-28 is a working day: from Friday 09-26 one working day is that Sunday.
    expect(addWorkdays('2025-09-26', 1).date).toBe('2025-09-28');
  });

  test('a period never ends on a non-working day: 3 working days after Wed 2026-09-23 end on Wed 09-30 (09-25 … 09-27 off)', () => {
    // 09-24 (1), 09-25 … 09-27 Mid-autumn, 09-28 (2), 09-29 (3).
    expect(addWorkdays('2026-09-23', 3).date).toBe('2026-09-29');
    expect(isWorkday(addWorkdays('2026-09-23', 3).date)).toBe(true);
  });

  test('a count that crosses into 2027, a year without data, is flagged calendar_year_missing:2027 (and a count within 2026 is not)', () => {
    expect(workdayCalendar().years.has(2026)).toBe(true);
    expect(workdayCalendar().years.has(2027)).toBe(false);
    const crossing = addWorkdays('2026-12-28', 10);
    expect(crossing.warnings).toEqual(['calendar_year_missing:2027']);
    expect(crossing.date > '2026-12-31').toBe(true);
    expect(addWorkdays('2026-12-21', 5).warnings).toEqual([]);
  });

  test('the calendar version is recorded with every result', () => {
    expect(workdayCalendar().version).toMatch(/^chinese-days@\d+\.\d+\.\d+/);
    expect(addWorkdays('2026-03-02', 3).calendarVersion).toBe(workdayCalendar().version);
  });

  test('another calendar can be passed (the data, never a formula, decides)', () => {
    const cal: WorkdayCalendar = { version: 'test', years: new Set([2030]), holidays: new Set(['2030-01-02']), workdays: new Set(['2030-01-05']) };
    // Tue 2030-01-01 → Wed 01-02 holiday, Thu 01-03 (1), Fri 01-04 (2), Sat 01-05 working (3).
    expect(addWorkdays('2030-01-01', 3, cal)).toEqual({ date: '2030-01-05', calendarVersion: 'test', warnings: [] });
  });
});

describe('workdaysBetween', () => {
  test('counts the working days after `from` up to and including `to`', () => {
    expect(workdaysBetween('2026-09-30', '2026-10-13').workdays).toBe(5);
    expect(workdaysBetween('2026-10-01', '2026-10-07').workdays).toBe(0);
    expect(workdaysBetween('2026-03-02', '2026-03-02').workdays).toBe(0);
    expect(workdaysBetween('2026-03-06', '2026-03-02').workdays).toBe(0);
    expect(workdaysBetween('2026-03-01', '2026-03-31').workdays).toBe(22);
  });

  test('agrees with addWorkdays', () => {
    for (const from of ['2026-01-29', '2026-02-10', '2026-04-30', '2026-09-18', '2025-12-30']) {
      for (const n of [1, 5, 7, 20]) expect([from, n, workdaysBetween(from, addWorkdays(from, n).date).workdays]).toEqual([from, n, n]);
    }
  });

  test('flags a range reaching into 2027', () => {
    expect(workdaysBetween('2026-12-20', '2027-01-10').warnings).toEqual(['calendar_year_missing:2027']);
    expect(workdaysBetween('2026-12-01', '2026-12-31').warnings).toEqual([]);
  });
});

describe('resident ID numbers (GB 11643-1999)', () => {
  test('11010519491231002X is valid, born 1949-12-31', () => {
    expect(residentIdProblem('11010519491231002X')).toBeUndefined();
    expect(residentIdProblem('11010519491231002x')).toBeUndefined();
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
  });

  test('an altered check character is refused as "check"; so is any single altered digit', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check');
    expect(residentIdProblem('11010519491231003X')).toBe('check');
  });

  test('a legacy 15-digit number is accepted, with its 19xx birth date', () => {
    expect(residentIdProblem('110105491231002')).toBeUndefined();
    expect(residentIdBirthDate('110105491231002')).toBe('1949-12-31');
  });

  test('an impossible birth date is refused as "birth_date" (18 and 15 digits)', () => {
    const first17 = '11010520230229001';
    expect(residentIdProblem(first17 + residentIdCheckChar(first17))).toBe('birth_date');
    expect(residentIdProblem('110105491331002')).toBe('birth_date');
    const leap = '11010520240229001';
    expect(residentIdProblem(leap + residentIdCheckChar(leap))).toBeUndefined();
  });

  test('wrong length or characters are refused as "format"', () => {
    for (const id of ['', '1101051949123100', '1101051949123100211', '11010519491231002Y', '11010519491231X02X', '11010549123100X']) {
      expect([id, residentIdProblem(id)]).toEqual([id, 'format']);
    }
  });

  test('ageOn counts whole years, the birthday itself included', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});

describe('personal data at rest', () => {
  const original = config();
  const key = () => randomBytes(32).toString('base64');
  const withKeys = (current: string, old: string[] = [], hashKey?: string): Config =>
    loadConfig({ NODE_ENV: 'test', PERSONAL_DATA_KEY: current, PERSONAL_DATA_OLD_KEYS: old.join(','), ...(hashKey ? { PERSONAL_DATA_HASH_KEY: hashKey } : {}) });
  afterEach(() => setConfig(original));

  test('a value round-trips, and two encryptions of the same value differ (random IV)', () => {
    const a = encryptPersonal('11010519491231002X');
    const b = encryptPersonal('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(a).not.toContain('11010519491231002X');
    expect(decryptPersonal(a)).toBe('11010519491231002X');
    expect(decryptPersonal(encryptPersonal('青山县建设路18号3单元'))).toBe('青山县建设路18号3单元');
  });

  test('a tampered ciphertext, tag or IV fails to decrypt (GCM authentication)', () => {
    const sealed = encryptPersonal('13812345678');
    const parts = sealed.split(':');
    const flip = (s: string) => {
      const buf = Buffer.from(s, 'base64url');
      buf[0] ^= 0x01;
      return buf.toString('base64url');
    };
    for (const i of [2, 3, 4]) {
      const tampered = parts.map((p, j) => (j === i ? flip(p) : p)).join(':');
      expect(() => decryptPersonal(tampered)).toThrow();
    }
    expect(() => decryptPersonal('13812345678')).toThrow('not an encrypted personal-data value');
  });

  test('after a key rotation a value sealed with the old key is still readable through PERSONAL_DATA_OLD_KEYS, and is marked as old', () => {
    const k1 = key();
    const k2 = key();
    const hashKey = key();
    setConfig(withKeys(k1, [], hashKey));
    const sealed = encryptPersonal('11010519491231002X');
    const hash = personalHash('11010519491231002X');
    expect(sealedWithOldKey(sealed)).toBe(false);

    // Rotated: k2 is current, k1 kept for reading.
    setConfig(withKeys(k2, [k1], hashKey));
    expect(decryptPersonal(sealed)).toBe('11010519491231002X');
    expect(sealedWithOldKey(sealed)).toBe(true);
    const resealed = encryptPersonal('11010519491231002X');
    expect(sealedWithOldKey(resealed)).toBe(false);
    expect(resealed.split(':')[1]).not.toBe(sealed.split(':')[1]);
    // The search hash does not depend on the encryption key.
    expect(personalHash('11010519491231002X')).toBe(hash);

    // Old key dropped: the old value can no longer be read, and the error names the configuration.
    setConfig(withKeys(k2, [], hashKey));
    expect(() => decryptPersonal(sealed)).toThrow(/PERSONAL_DATA_OLD_KEYS/);
    expect(decryptPersonal(resealed)).toBe('11010519491231002X');
  });

  test('a key of the wrong length is refused at configuration time', () => {
    expect(() => withKeys(Buffer.alloc(16).toString('base64'))).toThrow(/PERSONAL_DATA_KEY/);
    expect(() => withKeys(key(), ['short'])).toThrow(/PERSONAL_DATA_OLD_KEYS/);
  });

  test('the keyed hash is case- and whitespace-insensitive and depends on the hash key', () => {
    expect(personalHash(' 11010519491231002x ')).toBe(personalHash('11010519491231002X'));
    expect(personalHash('11010519491231002X')).not.toBe(personalHash('110105194912310021'));
    const before = personalHash('11010519491231002X');
    setConfig(withKeys(key(), [], key()));
    expect(personalHash('11010519491231002X')).not.toBe(before);
  });

  test('masks keep only what identifies nobody', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0352-6010012')).toBe('*******0012');
    expect(maskPhone('12')).toBe('****');
    expect(maskAddress('青山县建设路18号3单元502室')).toBe('青山县建设路****');
    expect(maskAddress('青山县')).toBe('青山****');
  });
});
