// Which decisions are major (重大执法决定, DOMAIN.md §6, 行政处罚法 art. 58): the draft decision of a
// case is checked against the agency's catalog; the result names every rule that matched and why.
import type { MajorRuleKind } from './major-catalog.model';

export interface DraftDecision {
  fineAmount?: number | null;
  confiscationAmount?: number | null;
  penaltyTypes?: readonly string[] | null;
  partyKinds: ReadonlyArray<'person' | 'organization' | string>;
  hearingHeld: boolean;
  beyondDiscretion: boolean;
  complex: boolean;
  headReferral: boolean;
}

export interface CatalogRule {
  id: string;
  name: string;
  kind: MajorRuleKind | string;
  partyKind?: string | null;
  threshold?: number | null;
  penaltyTypes?: readonly string[] | null;
  active: boolean;
}

export interface MajorMatch {
  ruleId: string;
  name: string;
  detail: string;
}

/** 行政处罚法 art. 9 penalty types, as the opinion and the case page name them. */
const PENALTY_TYPE_NAMES: Record<string, string> = {
  warning: '警告', fine: '罚款', confiscation: '没收违法所得、没收非法财物', suspend_license: '暂扣许可证件', revoke_license: '吊销许可证件',
  lower_qualification: '降低资质等级', restrict_activities: '限制开展生产经营活动', order_closure: '责令停产停业、责令关闭',
  restrict_employment: '限制从业', detention: '行政拘留', other: '其他',
};

const appliesTo = (rule: CatalogRule, kinds: DraftDecision['partyKinds']) => !rule.partyKind || rule.partyKind === 'any' || kinds.includes(rule.partyKind);

export function matchMajorRules(draft: DraftDecision, rules: readonly CatalogRule[]): MajorMatch[] {
  const matches: MajorMatch[] = [];
  for (const rule of rules.filter((r) => r.active)) {
    const hit = (detail: string) => matches.push({ ruleId: rule.id, name: rule.name, detail });
    switch (rule.kind) {
      case 'fine_at_least':
        if (rule.threshold != null && (draft.fineAmount ?? 0) >= rule.threshold && appliesTo(rule, draft.partyKinds)) hit(`罚款 ${draft.fineAmount} 元 ≥ ${rule.threshold} 元`);
        break;
      case 'confiscation_at_least':
        if (rule.threshold != null && (draft.confiscationAmount ?? 0) >= rule.threshold && appliesTo(rule, draft.partyKinds)) hit(`没收 ${draft.confiscationAmount} 元 ≥ ${rule.threshold} 元`);
        break;
      case 'penalty_type': {
        const types = (draft.penaltyTypes ?? []).filter((t) => rule.penaltyTypes?.includes(t));
        if (types.length) hit(types.map((t) => PENALTY_TYPE_NAMES[t] ?? t).join('、'));
        break;
      }
      case 'hearing_held':
        if (draft.hearingHeld) hit('经过听证');
        break;
      case 'beyond_discretion':
        if (draft.beyondDiscretion) hit('超出裁量基准');
        break;
      case 'complex':
        if (draft.complex) hit('案情复杂或涉及多个法律关系');
        break;
      case 'head_referral':
        if (draft.headReferral) hit('机关负责人交办');
        break;
    }
  }
  return matches;
}

/** A typical catalog for a new agency (thresholds are [local] settings the agency adjusts). */
export const DEFAULT_MAJOR_RULES: Array<Omit<CatalogRule, 'id'> & { legalBasis?: string }> = [
  { name: '对公民罚款一万元以上', kind: 'fine_at_least', partyKind: 'person', threshold: 10_000, active: true },
  { name: '对法人或其他组织罚款十万元以上', kind: 'fine_at_least', partyKind: 'organization', threshold: 100_000, active: true },
  { name: '没收违法所得或非法财物价值十万元以上', kind: 'confiscation_at_least', partyKind: 'any', threshold: 100_000, active: true },
  { name: '吊销许可证件、责令停产停业、责令关闭、限制从业', kind: 'penalty_type', penaltyTypes: ['revoke_license', 'order_closure', 'restrict_employment', 'lower_qualification'], active: true },
  { name: '经过听证程序的', kind: 'hearing_held', active: true },
  { name: '超出裁量基准作出决定的', kind: 'beyond_discretion', active: true },
  { name: '案情复杂、涉及多个法律关系的', kind: 'complex', active: true },
  { name: '机关负责人认为需要法制审核的', kind: 'head_referral', active: true },
];
