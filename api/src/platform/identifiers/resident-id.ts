// 居民身份证号码 (GB 11643-1999): 18 characters, the last a check character over the first 17
// (ISO 7064 MOD 11-2), with the birth date at positions 7–14. Legacy 15-digit numbers (before 1999)
// carry a 6-digit birth date of the 1900s and no check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'format' | 'birth_date' | 'check';

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** The birth date (YYYY-MM-DD) in a well-formed number, or undefined. */
export function residentIdBirthDate(id: string): string | undefined {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(id) ?? /^\d{6}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!m) return undefined;
  const year = m[1].length === 2 ? 1900 + Number(m[1]) : Number(m[1]);
  return validDate(year, Number(m[2]), Number(m[3])) ? `${year}-${m[2]}-${m[3]}` : undefined;
}

export function residentIdProblem(raw: string): ResidentIdProblem | undefined {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) && !/^\d{15}$/.test(id)) return 'format';
  if (!residentIdBirthDate(id)) return 'birth_date';
  if (id.length === 18 && residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'check';
  return undefined;
}

/** Age in whole years on a date (YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
