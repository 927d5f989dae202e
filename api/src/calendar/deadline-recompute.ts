// After the legal office changed the calendar, deadlines already computed keep the calendar version they
// used (DOMAIN.md §8) until someone recomputes them on purpose: this is that explicit, audited action,
// for the deadlines still running (legal review clocks, open hearing-request windows).
import { recomputeHearingWindows } from '../cases/case-transition.service';
import type { RequestContext } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/audit.service';
import { recomputeReviewClocks } from '../reviews/review.service';

export async function recomputeDeadlines(ctx: RequestContext) {
  const reviews = await recomputeReviewClocks(ctx);
  const hearingWindows = await recomputeHearingWindows(ctx);
  await recordAudit(ctx, {
    action: 'calendar.recompute_deadlines', entity: 'calendar', entityId: reviews.calendarVersion,
    note: `reviews ${reviews.changed.length}/${reviews.checked} changed, hearing windows ${hearingWindows.changed.length}/${hearingWindows.checked} changed`,
  });
  return { calendarVersion: reviews.calendarVersion, reviews: { checked: reviews.checked, changed: reviews.changed }, hearingWindows };
}
