// 案号: per agency and year, in the agency's pattern, from an atomic counter so that concurrent
// filings never share or skip a number (the counter is taken only after every check has passed).
import { withKeyLock } from '../platform/database/keyed-lock';
import { CaseCounterModel } from './case.model';

const CATEGORY_CHARS: Record<string, string> = {
  license: '许', penalty: '罚', coercion: '强', levy: '征', requisition: '用', inspection: '检', confirmation: '确', other: '其',
};

export function formatCaseNumber(pattern: string, values: { abbr: string; category: string; year: number; seq: number }): string {
  // Replacement functions, not strings: "$&" or "$1" in an abbreviation must stay literal.
  return pattern
    .replace(/\{abbr\}/g, () => values.abbr)
    .replace(/\{cat\}/g, () => CATEGORY_CHARS[values.category] ?? '')
    .replace(/\{year\}/g, String(values.year))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => String(values.seq).padStart(width ? Number(width) : 0, '0'));
}

export function nextSequence(agencyId: string, year: number): Promise<number> {
  return nextCounter(`${agencyId}-${year}`);
}

/** The next value of a named counter (case numbers, opinion numbers …), without gaps or duplicates. */
export async function nextCounter(_id: string): Promise<number> {
  // Serialised: the embedded database does not apply `$inc` atomically (see keyed-lock.ts).
  return withKeyLock(`case-counter:${_id}`, async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const counter = await CaseCounterModel.findOneAndUpdate({ _id }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
        return counter!.seq;
      } catch (err) {
        // Two first filings of the year in different processes: both upserts insert, one loses; retry as an update.
        if ((err as { code?: number }).code !== 11000 || attempt > 0) throw err;
      }
    }
  });
}
