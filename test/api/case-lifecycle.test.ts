// The case state machine (case-lifecycle.ts) as pure functions: every action allowed from each status
// the law allows and refused from every other, per role, and each precondition on its own.
import { DEFAULT_REQUIRED_DOCUMENTS } from '../../api/src/agencies/agency-settings.model';
import { CASE_ACTIONS, CASE_STATUSES, availableActions, evaluate, missingDocuments, rules, type CaseAction, type CaseStatus, type LifecycleFacts } from '../../api/src/cases/case-lifecycle';
import { DOCUMENT_TYPES } from '../../api/src/cases/case-document.model';
import { ROLES, type Role } from '../../api/src/platform/auth/permissions';

/**
 * The expected table, written out independently of the module (DOMAIN.md §3 and the issue): from which
 * statuses each action may happen, to which status it leads, and which roles may take it.
 */
const SPEC: Record<CaseAction, { from: CaseStatus[]; to: CaseStatus | 'same'; roles: Role[] }> = {
  start_investigation: { from: ['filed'], to: 'investigating', roles: ['officer', 'dept_head'] },
  notify: { from: ['investigating'], to: 'notified', roles: ['officer'] },
  waive_hearing: { from: ['notified'], to: 'same', roles: ['officer'] },
  request_hearing: { from: ['notified'], to: 'hearing', roles: ['officer'] },
  submit_review: { from: ['notified', 'hearing', 'legal_review'], to: 'legal_review', roles: ['officer'] },
  decide: { from: ['notified', 'hearing', 'legal_review'], to: 'decided', roles: ['dept_head'] },
  decide_on_spot: { from: ['filed'], to: 'decided', roles: ['officer'] },
  serve: { from: ['decided'], to: 'served', roles: ['officer'] },
  execute: { from: ['served'], to: 'executed', roles: ['officer'] },
  close: { from: ['executed'], to: 'closed', roles: ['dept_head'] },
  archive: { from: ['closed'], to: 'archived', roles: ['officer', 'agency_admin'] },
  withdraw: { from: ['filed', 'investigating'], to: 'withdrawn', roles: ['dept_head'] },
  terminate: { from: ['investigating', 'notified', 'hearing', 'legal_review'], to: 'terminated', roles: ['dept_head'] },
};

const ALL_DOCUMENTS: ReadonlySet<string> = new Set(DOCUMENT_TYPES);
const without = (...types: string[]) => new Set([...ALL_DOCUMENTS].filter((t) => !types.includes(t)));

type FactsOverride = {
  case?: Partial<LifecycleFacts['case']>;
  documentTypes?: ReadonlySet<string>;
  requiredDocuments?: readonly string[];
  actor?: Partial<LifecycleFacts['actor']>;
  today?: string;
  hearingWindowEnd?: string;
  input?: Partial<LifecycleFacts['input']>;
  officers?: LifecycleFacts['officers'];
};

/** Two officers with valid certificates (art. 42). */
const VALID_OFFICERS: LifecycleFacts['officers'] = [
  { officerId: 'a', name: '张伟', found: true, state: 'valid' },
  { officerId: 'b', name: '刘洋', found: true, state: 'valid' },
];

/**
 * Facts under which `action` is allowed from `status`: an ordinary penalty case, every document present,
 * the hearing waived, a reason given, dated today, by a role the rule names (assigned when an officer).
 */
function facts(action: CaseAction, status: CaseStatus = SPEC[action].from[0], over: FactsOverride = {}): LifecycleFacts {
  const procedure = action === 'decide_on_spot' ? 'simple' : 'ordinary';
  return {
    case: {
      status, procedure, category: 'penalty', major: action === 'submit_review',
      // A new round of review follows an opinion that did not approve.
      legalReviewStatus: action === 'submit_review' && status === 'legal_review' ? 'not_approved' : 'none',
      hearingWaived: action === 'decide' ? true : undefined, notifiedOn: '2026-03-02', lastStepOn: '2026-03-02',
      ...over.case,
    },
    documentTypes: over.documentTypes ?? ALL_DOCUMENTS,
    requiredDocuments: over.requiredDocuments ?? (procedure === 'simple' ? DEFAULT_REQUIRED_DOCUMENTS.simple : DEFAULT_REQUIRED_DOCUMENTS.ordinary),
    actor: { roles: [SPEC[action].roles[0]], assigned: true, ...over.actor },
    officers: over.officers ?? VALID_OFFICERS,
    today: over.today ?? '2026-03-20',
    hearingWindowEnd: 'hearingWindowEnd' in over ? over.hearingWindowEnd : action === 'request_hearing' ? '2026-03-27' : '2026-03-09',
    input: { date: '2026-03-20', reason: '当事人已办理相关许可', ...over.input },
  };
}

const keys = (action: CaseAction, f: LifecycleFacts) => evaluate(action, f).failures.map((x) => x.key);

describe('the rule table', () => {
  test('the module defines exactly the specified actions, statuses, roles and targets', () => {
    expect([...CASE_ACTIONS].sort()).toEqual(Object.keys(SPEC).sort());
    for (const action of CASE_ACTIONS) {
      expect({ action, from: [...rules[action].from].sort(), to: rules[action].to, roles: [...rules[action].roles].sort() })
        .toEqual({ action, from: [...SPEC[action].from].sort(), to: SPEC[action].to, roles: [...SPEC[action].roles].sort() });
    }
  });

  test('only withdraw and terminate need a reason', () => {
    for (const action of CASE_ACTIONS) expect([action, Boolean(rules[action].needsReason)]).toEqual([action, ['withdraw', 'terminate'].includes(action)]);
  });
});

describe.each(CASE_ACTIONS)('%s', (action) => {
  const spec = SPEC[action];

  test.each(spec.from)('is allowed from %s for each role the rule names, leading to the specified status', (status) => {
    for (const role of spec.roles) {
      const result = evaluate(action, facts(action, status, { actor: { roles: [role] } }));
      expect({ role, allowed: result.allowed, failures: result.failures }).toEqual({ role, allowed: true, failures: [] });
      expect(result.to).toBe(spec.to === 'same' ? status : spec.to);
    }
  });

  const refusedFrom = CASE_STATUSES.filter((s) => !spec.from.includes(s));
  test.each(refusedFrom)('is refused from %s with cases.pre.status only (whatever the role)', (status) => {
    for (const role of ROLES) {
      const result = evaluate(action, facts(action, status, { actor: { roles: [role] } }));
      expect(result.allowed).toBe(false);
      expect(result.failures).toEqual([{ key: 'cases.pre.status', params: { status } }]);
    }
  });

  const otherRoles = ROLES.filter((r) => !spec.roles.includes(r));
  test.each(otherRoles)('is refused for the role %s with cases.pre.role naming the allowed roles', (role) => {
    for (const status of spec.from) {
      const result = evaluate(action, facts(action, status, { actor: { roles: [role] } }));
      expect(result.allowed).toBe(false);
      expect(result.failures).toEqual([{ key: 'cases.pre.role', params: { roles: spec.roles.join(', ') } }]);
    }
  });

  if (spec.roles.includes('officer')) {
    test('is refused for an officer not assigned to the case (cases.pre.not_assigned)', () => {
      for (const status of spec.from) {
        expect(keys(action, facts(action, status, { actor: { roles: ['officer'], assigned: false } }))).toEqual(['cases.pre.not_assigned']);
      }
    });
  }

  const nonOfficerRoles = spec.roles.filter((r) => r !== 'officer');
  if (nonOfficerRoles.length) {
    test(`is allowed for ${nonOfficerRoles.join(', ')} without being assigned (acting for the whole agency)`, () => {
      for (const role of nonOfficerRoles) {
        expect(evaluate(action, facts(action, spec.from[0], { actor: { roles: [role], assigned: false } })).allowed).toBe(true);
        // Also when the same user is an officer too.
        expect(evaluate(action, facts(action, spec.from[0], { actor: { roles: ['officer', role], assigned: false } })).allowed).toBe(true);
      }
    });
  }

  test('is refused with a date in the future (cases.pre.future_date)', () => {
    expect(keys(action, facts(action, spec.from[0], { input: { date: '2026-03-21' } }))).toEqual(['cases.pre.future_date']);
  });

  test('is refused with a date before the last step (cases.pre.date_before_last); the same day is allowed', () => {
    const before = evaluate(action, facts(action, spec.from[0], { case: { lastStepOn: '2026-03-21' }, today: '2026-03-25', input: { date: '2026-03-20' } }));
    expect(before.failures).toEqual([{ key: 'cases.pre.date_before_last', params: { date: '2026-03-21' } }]);
    expect(evaluate(action, facts(action, spec.from[0], { case: { lastStepOn: '2026-03-20' } })).allowed).toBe(true);
  });
});

describe('preconditions', () => {
  test('start_investigation: a simple-procedure case is decided on the spot instead', () => {
    expect(keys('start_investigation', facts('start_investigation', 'filed', { case: { procedure: 'simple' } }))).toEqual(['cases.pre.simple_procedure']);
  });

  test('notify: needs an inspection or an inquiry record (either suffices) and the notice itself', () => {
    expect(keys('notify', facts('notify', 'investigating', { documentTypes: without('inspection_record', 'inquiry_record') }))).toEqual(['cases.pre.investigation_record']);
    expect(evaluate('notify', facts('notify', 'investigating', { documentTypes: without('inspection_record') })).allowed).toBe(true);
    expect(evaluate('notify', facts('notify', 'investigating', { documentTypes: without('inquiry_record') })).allowed).toBe(true);
    expect(evaluate('notify', facts('notify', 'investigating', { documentTypes: without('notice') })).failures).toEqual([{ key: 'cases.pre.document', params: { type: 'notice' } }]);
    expect(keys('notify', facts('notify', 'investigating', { documentTypes: new Set() }))).toEqual(['cases.pre.investigation_record', 'cases.pre.document']);
  });

  test('waive_hearing and request_hearing: only penalties in the ordinary procedure carry hearing rights', () => {
    for (const action of ['waive_hearing', 'request_hearing'] as const) {
      expect(keys(action, facts(action, 'notified', { case: { category: 'license' } }))).toEqual(['cases.pre.no_hearing_rights']);
      expect(keys(action, facts(action, 'notified', { case: { procedure: 'simple' } }))).toEqual(['cases.pre.no_hearing_rights']);
    }
  });

  test('request_hearing: allowed up to and including the last day of the window, refused the day after', () => {
    const onLastDay = facts('request_hearing', 'notified', { hearingWindowEnd: '2026-03-09', input: { date: '2026-03-09' } });
    expect(evaluate('request_hearing', onLastDay).allowed).toBe(true);
    const late = facts('request_hearing', 'notified', { hearingWindowEnd: '2026-03-09', input: { date: '2026-03-10' } });
    expect(evaluate('request_hearing', late).failures).toEqual([{ key: 'cases.pre.hearing_request_late', params: { until: '2026-03-09' } }]);
  });

  test('submit_review: only for major cases; from a hearing, only once the hearing record exists', () => {
    expect(keys('submit_review', facts('submit_review', 'notified', { case: { major: false } }))).toEqual(['cases.pre.not_major']);
    expect(keys('submit_review', facts('submit_review', 'hearing', { documentTypes: without('hearing_record') }))).toEqual(['cases.pre.hearing_not_held']);
    // From "notified" there was no hearing: the record is not needed.
    expect(evaluate('submit_review', facts('submit_review', 'notified', { documentTypes: without('hearing_record') })).allowed).toBe(true);
  });

  test.each(['pending', 'returned', 'approved', 'transferred', 'proceed_by_discussion'])('submit_review again while the review is %s is refused; after "not approved" a new round is allowed', (legalReviewStatus) => {
    expect(keys('submit_review', facts('submit_review', 'legal_review', { case: { legalReviewStatus } }))).toEqual(['cases.pre.review_in_progress']);
    expect(evaluate('submit_review', facts('submit_review', 'legal_review', { case: { legalReviewStatus: 'not_approved' } })).allowed).toBe(true);
  });

  test('a waiver is recorded once, and no hearing can be requested after it', () => {
    expect(keys('waive_hearing', facts('waive_hearing', 'notified', { case: { hearingWaived: true } }))).toEqual(['cases.pre.hearing_already_waived']);
    expect(keys('request_hearing', facts('request_hearing', 'notified', { case: { hearingWaived: true } }))).toEqual(['cases.pre.hearing_already_waived']);
  });

  describe('decide', () => {
    test('needs the decision document', () => {
      expect(evaluate('decide', facts('decide', 'notified', { documentTypes: without('decision') })).failures).toEqual([{ key: 'cases.pre.document', params: { type: 'decision' } }]);
    });

    test('while the hearing window is open (decision date on or before its end) and the party has not waived, it is refused naming the end', () => {
      const open = facts('decide', 'notified', { case: { hearingWaived: undefined }, hearingWindowEnd: '2026-03-09', input: { date: '2026-03-09' }, today: '2026-03-09' });
      expect(evaluate('decide', open).failures).toEqual([{ key: 'cases.pre.hearing_window_open', params: { until: '2026-03-09' } }]);
      // The day after the window: allowed.
      expect(evaluate('decide', facts('decide', 'notified', { case: { hearingWaived: undefined }, hearingWindowEnd: '2026-03-09', input: { date: '2026-03-10' } })).allowed).toBe(true);
      // Within the window but waived in writing: allowed.
      expect(evaluate('decide', { ...open, case: { ...open.case, hearingWaived: true } }).allowed).toBe(true);
      // No hearing rights (a licence case): the window does not matter.
      expect(evaluate('decide', { ...open, case: { ...open.case, category: 'license' } }).allowed).toBe(true);
    });

    test('a requested hearing must be held (hearing record) before the decision, even after a waiver was recorded', () => {
      const requested = { case: { hearingRequestedOn: '2026-03-05', hearingWaived: undefined } };
      expect(keys('decide', facts('decide', 'hearing', { ...requested, documentTypes: without('hearing_record') }))).toEqual(['cases.pre.hearing_not_held']);
      expect(keys('decide', facts('decide', 'hearing', { case: { ...requested.case, hearingWaived: true }, documentTypes: without('hearing_record') }))).toEqual(['cases.pre.hearing_not_held']);
      expect(evaluate('decide', facts('decide', 'hearing', requested)).allowed).toBe(true);
    });

    test.each(['none', 'pending', 'not_approved'])('a major case whose legal review is %s is refused (art. 58)', (legalReviewStatus) => {
      for (const status of ['notified', 'hearing', 'legal_review'] as const) {
        expect(keys('decide', facts('decide', status, { case: { major: true, legalReviewStatus } }))).toEqual(['cases.pre.legal_review']);
      }
    });

    test.each(['approved', 'proceed_by_discussion'])('a major case whose legal review is %s may be decided', (legalReviewStatus) => {
      expect(evaluate('decide', facts('decide', 'legal_review', { case: { major: true, legalReviewStatus } })).allowed).toBe(true);
    });

    test('a case that is not major needs no legal review', () => {
      expect(evaluate('decide', facts('decide', 'notified', { case: { major: false, legalReviewStatus: 'none' } })).allowed).toBe(true);
    });

    test('art. 42: every officer holds a valid certificate on the decision date, and at least two do; the refusal cites the article', () => {
      const lapsed = [VALID_OFFICERS[0], { ...VALID_OFFICERS[1], state: 'expired' as const }];
      const refused = evaluate('decide', facts('decide', 'notified', { officers: lapsed, input: { date: '2026-03-19' } }));
      expect(refused.failures).toEqual([
        { key: 'cases.pre.officer_certificate', params: { name: '刘洋', state: 'expired', date: '2026-03-19', basisZh: '行政处罚法第四十二条', basisEn: 'Administrative Penalty Law art. 42' } },
        { key: 'cases.pre.officers_quorum', params: { min: 2, valid: 1, date: '2026-03-19', basisZh: '行政处罚法第四十二条', basisEn: 'Administrative Penalty Law art. 42' } },
      ]);
    });

    test('a major case whose approval was reset by a later edit of the draft is refused naming the changed fields (art. 58)', () => {
      const f = facts('decide', 'legal_review', { case: { major: true, legalReviewStatus: 'review_required', legalReviewChangedFields: ['fineAmount'] } });
      expect(evaluate('decide', f).failures).toEqual([{ key: 'cases.pre.review_outdated', params: { fields: 'fineAmount' } }]);
      expect(evaluate('submit_review', facts('submit_review', 'legal_review', { case: { legalReviewStatus: 'review_required' } })).allowed).toBe(true);
    });
  });

  test('decide_on_spot: the simple procedure’s one officer (art. 51, cited as data) must hold a valid certificate that day', () => {
    const one = [VALID_OFFICERS[0]];
    expect(evaluate('decide_on_spot', facts('decide_on_spot', 'filed', { officers: one })).allowed).toBe(true);
    const refused = evaluate('decide_on_spot', facts('decide_on_spot', 'filed', { officers: [{ ...one[0], state: 'revoked' }] }));
    expect(refused.failures.map((f) => f.key)).toEqual(['cases.pre.officer_certificate', 'cases.pre.officers_quorum']);
    expect(refused.failures[1].params).toMatchObject({ min: 1, basisZh: expect.stringContaining('第五十一条') });
  });

  test('decide_on_spot: only in the simple procedure, and with the decision document', () => {
    expect(keys('decide_on_spot', facts('decide_on_spot', 'filed', { case: { procedure: 'ordinary' } }))).toEqual(['cases.pre.ordinary_procedure']);
    expect(evaluate('decide_on_spot', facts('decide_on_spot', 'filed', { documentTypes: without('decision') })).failures).toEqual([{ key: 'cases.pre.document', params: { type: 'decision' } }]);
  });

  test('serve needs the service receipt; execute needs the execution record', () => {
    expect(evaluate('serve', facts('serve', 'decided', { documentTypes: without('service_receipt') })).failures).toEqual([{ key: 'cases.pre.document', params: { type: 'service_receipt' } }]);
    expect(evaluate('execute', facts('execute', 'served', { documentTypes: without('execution_record') })).failures).toEqual([{ key: 'cases.pre.document', params: { type: 'execution_record' } }]);
  });

  test.each(['close', 'archive'] as const)('%s: every missing required document is named, an alternative "a|b" once', (action) => {
    const status = action === 'close' ? 'executed' : 'closed';
    const result = evaluate(action, facts(action, status, { documentTypes: new Set(['notice', 'decision', 'service_receipt', 'execution_record']) }));
    expect(result.failures).toEqual([
      { key: 'cases.pre.document', params: { type: 'filing_approval' } },
      { key: 'cases.pre.document', params: { type: 'inspection_record|inquiry_record' } },
      { key: 'cases.pre.document', params: { type: 'closing_report' } },
    ]);
    // The simple procedure has its own (shorter) list.
    expect(evaluate(action, facts(action, status, { case: { procedure: 'simple' }, requiredDocuments: DEFAULT_REQUIRED_DOCUMENTS.simple, documentTypes: new Set(['decision', 'service_receipt']) })).allowed).toBe(true);
  });

  test.each(['withdraw', 'terminate'] as const)('%s: a reason is required (blank is not a reason)', (action) => {
    const status = action === 'withdraw' ? 'filed' : 'notified';
    expect(keys(action, facts(action, status, { input: { reason: undefined } }))).toEqual(['cases.pre.reason']);
    expect(keys(action, facts(action, status, { input: { reason: '   ' } }))).toEqual(['cases.pre.reason']);
  });

  test('every failing precondition is reported at once, role first', () => {
    const f = facts('notify', 'investigating', { actor: { roles: ['dept_head'] }, documentTypes: new Set(), input: { date: '2026-03-21' } });
    expect(keys('notify', f)).toEqual(['cases.pre.role', 'cases.pre.future_date', 'cases.pre.investigation_record', 'cases.pre.document']);
  });
});

describe('availableActions', () => {
  const offered = (status: CaseStatus) => availableActions(facts('decide', status)).map((e) => e.action);

  test('offers exactly the actions whose status precondition holds', () => {
    for (const status of CASE_STATUSES) {
      const expected = CASE_ACTIONS.filter((a) => SPEC[a].from.includes(status));
      expect([status, offered(status)]).toEqual([status, expected]);
    }
    expect(offered('archived')).toEqual([]);
    expect(offered('withdrawn')).toEqual([]);
    expect(offered('terminated')).toEqual([]);
  });

  test('each offered action carries its evaluation (allowed, or the reasons why not) for the actor', () => {
    const byAction = Object.fromEntries(availableActions(facts('notify', 'notified', { actor: { roles: ['officer'] }, case: { hearingWaived: undefined }, hearingWindowEnd: '2026-03-25' })).map((e) => [e.action, e]));
    expect(Object.keys(byAction)).toEqual(['waive_hearing', 'request_hearing', 'submit_review', 'decide', 'terminate']);
    expect(byAction.waive_hearing).toMatchObject({ allowed: true, to: 'notified' });
    expect(byAction.request_hearing).toMatchObject({ allowed: true, to: 'hearing' });
    expect(byAction.submit_review.failures.map((f) => f.key)).toEqual(['cases.pre.not_major']);
    expect(byAction.decide.failures.map((f) => f.key)).toEqual(['cases.pre.role', 'cases.pre.hearing_window_open']);
    expect(byAction.terminate.failures.map((f) => f.key)).toEqual(['cases.pre.role']);
  });
});

describe('missingDocuments', () => {
  test('an alternative is satisfied by any of its types', () => {
    expect(missingDocuments(['a|b', 'c'], new Set(['b']))).toEqual(['c']);
    expect(missingDocuments(['a|b', 'c'], new Set(['a', 'c']))).toEqual([]);
    expect(missingDocuments(['a|b', 'c'], new Set())).toEqual(['a|b', 'c']);
  });
});
