// Which draft decisions are major (重大执法决定): the agency's catalog is data; each matching rule is named.
import { DEFAULT_MAJOR_RULES, matchMajorRules, type CatalogRule, type DraftDecision } from '../../api/src/reviews/major-determination';

const catalog: CatalogRule[] = DEFAULT_MAJOR_RULES.map((r, i) => ({ ...r, id: `rule${i}` }));
const draft = (over: Partial<DraftDecision> = {}): DraftDecision => ({
  fineAmount: 0, confiscationAmount: 0, penaltyTypes: [], partyKinds: ['person'],
  hearingHeld: false, beyondDiscretion: false, complex: false, headReferral: false, ...over,
});
const names = (d: DraftDecision, rules = catalog) => matchMajorRules(d, rules).map((m) => m.name);

describe('major decision catalog', () => {
  test('a fine of exactly 10,000 yuan on a person is major; 9,999 is not; the same 10,000 on an organisation is not (its threshold is 100,000)', () => {
    expect(names(draft({ fineAmount: 10_000 }))).toEqual(['对公民罚款一万元以上']);
    expect(names(draft({ fineAmount: 9_999 }))).toEqual([]);
    expect(names(draft({ fineAmount: 10_000, partyKinds: ['organization'] }))).toEqual([]);
    expect(names(draft({ fineAmount: 100_000, partyKinds: ['organization'] }))).toEqual(['对法人或其他组织罚款十万元以上']);
  });

  test('licence revocation, a hearing, discretion beyond the standard, complexity and the head’s referral each make it major, and every matching rule is named', () => {
    const all = names(draft({ penaltyTypes: ['fine', 'revoke_license'], hearingHeld: true, beyondDiscretion: true, complex: true, headReferral: true, fineAmount: 20_000 }));
    expect(all).toEqual([
      '对公民罚款一万元以上',
      '吊销许可证件、责令停产停业、责令关闭、限制从业',
      '经过听证程序的',
      '超出裁量基准作出决定的',
      '案情复杂、涉及多个法律关系的',
      '机关负责人认为需要法制审核的',
    ]);
    expect(matchMajorRules(draft({ penaltyTypes: ['warning', 'revoke_license'] }), catalog)[0].detail).toBe('吊销许可证件');
  });

  test('a local catalog with other thresholds decides differently, and an inactive rule never matches', () => {
    const local: CatalogRule[] = [
      { id: 'a', name: '对个人罚款五千元以上', kind: 'fine_at_least', partyKind: 'person', threshold: 5_000, active: true },
      { id: 'b', name: '经过听证程序的', kind: 'hearing_held', active: false },
    ];
    expect(names(draft({ fineAmount: 6_000, hearingHeld: true }), local)).toEqual(['对个人罚款五千元以上']);
    expect(names(draft({ fineAmount: 6_000 }))).toEqual([]);
  });
});
