// Shared expectations and look-ups for the API tests: the error body contract and the ids of the demo records.
import type { Response } from 'supertest';
import { AgencyModel } from '../../api/src/agencies/agency.model';
import { UserModel } from '../../api/src/users/user.model';

/**
 * Every error the API returns is exactly `{ message, errors }` (react-admin shows `errors` next to the fields).
 * `fields` lists the field paths that must be named in `errors`.
 */
export function expectError(res: Response, status: number, fields: string[] = []): void {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(res.body).sort()).toEqual(['errors', 'message']);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(0);
  expect(res.body.errors).toEqual(expect.any(Object));
  for (const value of Object.values(res.body.errors)) expect(typeof value).toBe('string');
  for (const field of fields) expect(Object.keys(res.body.errors)).toContain(field);
}

/** Id of a demo agency by its code (QS_SFJ, QS_SCJG, QS_ZHZF, QS_JTYS). */
export async function agencyIdOf(code: string): Promise<string> {
  const agency = await AgencyModel.findOne({ code });
  if (!agency) throw new Error(`no agency ${code}`);
  return agency.id as string;
}

/** Id of a demo user by username. */
export async function userIdOf(username: string): Promise<string> {
  const user = await UserModel.findOne({ usernameKey: username.toLowerCase() });
  if (!user) throw new Error(`no user ${username}`);
  return user.id as string;
}

/** A well-formed id that no record has. */
export const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

/** Strong enough for the password rules. */
export const GOOD_PASSWORD = 'Passw0rd-2026';
