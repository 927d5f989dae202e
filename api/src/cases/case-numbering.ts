// 案号: per agency and year, in the agency's pattern, from an atomic counter so that concurrent
// filings never share or skip a number (the counter is taken only after every check has passed).
import { CaseCounterModel } from './case.model';

const CATEGORY_CHARS: Record<string, string> = {
  license: '许', penalty: '罚', coercion: '强', levy: '征', requisition: '用', inspection: '检', confirmation: '确', other: '其',
};

export function formatCaseNumber(pattern: string, values: { abbr: string; category: string; year: number; seq: number }): string {
  return pattern
    .replace(/\{abbr\}/g, values.abbr)
    .replace(/\{cat\}/g, CATEGORY_CHARS[values.category] ?? '')
    .replace(/\{year\}/g, String(values.year))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => String(values.seq).padStart(width ? Number(width) : 0, '0'));
}

export async function nextSequence(agencyId: string, year: number): Promise<number> {
  const counter = await CaseCounterModel.findOneAndUpdate(
    { _id: `${agencyId}-${year}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  );
  return counter!.seq;
}
