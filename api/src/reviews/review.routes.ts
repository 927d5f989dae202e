import { TRANSITION_REFUSALS } from '../cases/case.routes';
import { requestLanguage } from '../platform/http/language';
import { sendList } from '../platform/http/listing';
import { requestContext, type ErrorResponseSpec, type RouteSpec } from '../platform/http/route';
import { sendStoredFile } from '../platform/storage/file-store';
import { catalogListSpec, createRule, deleteRule, getRule, listCatalog, updateRule } from './major-catalog.service';
import {
  assignReviews, claimReview, contestOpinion, correctOpinion, decideExtension, getReview, issueOpinion, listReviews, opinionFile, recordDiscussion,
  requestExtension, resubmitReview, reviewerChoices, reviewStatistics, saveDraft, submitReview,
} from './review.service';

const tag = 'reviews';
/** A write on a review read before: refused in its state, or stale (`current` is the review as it is now). */
const STALE_REVIEW: ErrorResponseSpec[] = [
  { status: 409, schema: ['error', 'review-conflict'], description: 'Not possible in the review’s state, or `version` is stale (then `current` is the review as it is now)' },
];
const id = (req: { params: Record<string, unknown> }) => req.params.id as string;

export const reviewRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/reviews', tag, access: 'reviews:read',
    summary: 'Legal reviews (filters: queue = mine | unassigned | open, status, outcome, caseId, reviewerId, q); default order: most urgent first',
    schemas: { query: 'list-query' }, response: { schema: 'review', list: true },
    handler: async (req, res) => sendList(res, 'reviews', await listReviews(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/reviews/statistics', tag, access: 'reviews:read', summary: 'On-time rate, average working days taken, outcomes, open queue by state',
    schemas: { query: 'review-statistics-query' }, response: { schema: 'review-statistics' },
    handler: async (req, res) => { res.json(await reviewStatistics(requestContext(req), res.locals.query)); },
  },
  {
    method: 'get', path: '/reviews/reviewers', tag, access: 'reviews:assign',
    summary: 'The agency’s reviewers to assign to (with legal qualification, whether they reviewed before, lead)',
    response: { schema: 'reviewer-choice', list: true },
    handler: async (req, res) => { res.json(await reviewerChoices(requestContext(req))); },
  },
  {
    method: 'get', path: '/reviews/:id', tag, access: 'reviews:read', summary: 'One review with its due state and the actions the caller may take',
    schemas: { params: 'id-params' }, response: { schema: 'review' },
    handler: async (req, res) => { res.json(await getReview(requestContext(req), id(req))); },
  },
  {
    method: 'post', path: '/reviews', tag, access: 'reviews:submit',
    summary: 'Submit a major case for legal review: the package is built from the case; an incomplete one is refused listing what is missing',
    schemas: { body: 'review-submit' }, response: { schema: 'review' }, errors: [{ status: 404, schema: 'error', description: 'No such case, or it belongs to another agency' }, ...TRANSITION_REFUSALS],
    handler: async (req, res) => { res.status(201).json(await submitReview(requestContext(req), req.body, requestLanguage(req))); },
  },
  {
    method: 'post', path: '/reviews/:id/resubmission', tag, access: 'reviews:submit', summary: 'Send the supplemented package after a return (the clock restarts or resumes per the agency’s setting)',
    schemas: { params: 'id-params', body: 'review-resubmit' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await resubmitReview(requestContext(req), id(req), req.body, requestLanguage(req))); },
  },
  {
    method: 'post', path: '/reviews/assignments', tag, access: 'reviews:assign', summary: 'Assign or reassign reviews to a reviewer (administrator or lead reviewer; all or none)',
    schemas: { body: 'review-assign' }, response: { schema: 'review', list: true, status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await assignReviews(requestContext(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/claim', tag, access: 'reviews:review', summary: 'A reviewer takes an unassigned review',
    schemas: { params: 'id-params' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await claimReview(requestContext(req), id(req))); },
  },
  {
    method: 'put', path: '/reviews/:id/draft', tag, access: 'reviews:review', summary: 'Save the checklist and opinion in progress',
    schemas: { params: 'id-params', body: 'review-draft' }, response: { schema: 'review' }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await saveDraft(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/opinions', tag, access: 'reviews:review', summary: 'Issue the numbered opinion (PDF) with its outcome',
    schemas: { params: 'id-params', body: 'review-opinion' }, response: { schema: 'review' }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.status(201).json(await issueOpinion(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/corrections', tag, access: 'reviews:review', summary: 'Issue a corrected opinion: a new numbered document superseding the last one',
    schemas: { params: 'id-params', body: 'review-correction' }, response: { schema: 'review' }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.status(201).json(await correctOpinion(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'get', path: '/reviews/:id/opinions/:n/pdf', tag, access: 'reviews:read', summary: 'The n-th opinion as issued (PDF; every download is audited)',
    schemas: { params: 'opinion-params' }, response: { description: 'PDF', contentType: 'application/pdf' },
    handler: async (req, res) => {
      const file = await opinionFile(requestContext(req), id(req), Number(req.params.n));
      res.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`).set('X-Content-SHA256', file.sha256);
      await sendStoredFile(res, file.key, 'application/pdf', 'private, no-store');
    },
  },
  {
    method: 'post', path: '/reviews/:id/extension', tag, access: 'reviews:review', summary: 'Ask the head of department for more working days, with a reason',
    schemas: { params: 'id-params', body: 'review-extension' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await requestExtension(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/extension/decision', tag, access: 'reviews:decide', summary: 'The head of department approves or rejects the extension',
    schemas: { params: 'id-params', body: 'review-extension-decision' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await decideExtension(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/contest', tag, access: 'reviews:submit', summary: 'The handling unit contests an opinion that does not approve (异议)',
    schemas: { params: 'id-params', body: 'review-contest' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await contestOpinion(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'post', path: '/reviews/:id/discussion', tag, access: 'reviews:decide', summary: 'Record the collective discussion (集体讨论); "proceed" opens the decision',
    schemas: { params: 'id-params', body: 'review-discussion' }, response: { schema: 'review', status: 200 }, errors: STALE_REVIEW,
    handler: async (req, res) => { res.json(await recordDiscussion(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'get', path: '/major-rules', tag, access: 'reviews:read', summary: 'The catalog of major decisions (目录清单) of the caller’s agency',
    schemas: { query: 'list-query' }, response: { schema: 'major-rule', list: true },
    handler: async (req, res) => sendList(res, catalogListSpec.resource, await listCatalog(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/major-rules/:id', tag, access: 'reviews:read', summary: 'One catalog rule',
    schemas: { params: 'id-params' }, response: { schema: 'major-rule' },
    handler: async (req, res) => { res.json(await getRule(requestContext(req), id(req))); },
  },
  {
    method: 'post', path: '/major-rules', tag, access: 'catalog:write', summary: 'Add a catalog rule (audited; applies to determinations made from now on)',
    schemas: { body: 'major-rule-create' }, response: { schema: 'major-rule' },
    handler: async (req, res) => { res.status(201).json(await createRule(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/major-rules/:id', tag, access: 'catalog:write', summary: 'Change a catalog rule (audited; past determinations keep the rules they matched)',
    schemas: { params: 'id-params', body: 'major-rule-update' }, response: { schema: 'major-rule' },
    handler: async (req, res) => { res.json(await updateRule(requestContext(req), id(req), req.body)); },
  },
  {
    method: 'delete', path: '/major-rules/:id', tag, access: 'catalog:write', summary: 'Remove a catalog rule (audited)',
    schemas: { params: 'id-params' }, response: { schema: 'major-rule' },
    handler: async (req, res) => { res.json(await deleteRule(requestContext(req), id(req))); },
  },
];
