// Demo cases for the demo county (issue 4, "Demo data"): a few hundred cases of the three demo
// enforcement agencies in every state of the lifecycle, with their written records (without files)
// and a timeline in the audit chain. Idempotent: an agency that already has cases is left alone.
//
// The cases are built as the services would have built them step by step (same number counter and
// pattern, parties sealed by sealParties, deadline as createCase computes it, one history entry and
// one audit entry per transition, dates that satisfy the state machine's preconditions), but written
// in bulk: the step dates lie in the past, so the records and audit entries carry those dates.
// Everything is generated from a fixed seed relative to today, so a fresh demo looks the same each day.
import { Types } from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import { AgencySettingsModel } from '../agencies/agency-settings.model';
import { settingsOf } from '../agencies/agency-settings.service';
import { CaseDocumentModel, type DocumentType } from '../cases/case-document.model';
import type { CaseAction, CaseStatus } from '../cases/case-lifecycle';
import { formatCaseNumber, nextSequence } from '../cases/case-numbering';
import { sealParties, type PartyInput } from '../cases/case-parties';
import { CaseModel } from '../cases/case.model';
import { currentCalendar } from '../calendar/calendar.service';
import { certificateState } from '../certificates/certificate-validity';
import { CertificateModel } from '../certificates/certificate.model';
import { OfficerModel } from '../officers/officer.model';
import type { Actor, RequestContext } from '../platform/auth/actor';
import type { Role } from '../platform/auth/permissions';
import { diff, recordAudit, recordAuditBatch, type AuditBatchEntry } from '../platform/audit/audit.service';
import { addCalendarDays, chinaDate } from '../platform/calendar/dates';
import { addWorkdays, isWorkday, type WorkdayCalendar } from '../platform/calendar/workdays';
import { creditCodeCheckChar } from '../platform/identifiers/credit-code';
import { residentIdCheckChar } from '../platform/identifiers/resident-id';
import { PowerItemModel } from '../powers/power-item.model';
import { UserModel } from '../users/user.model';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];
function weighted<T extends { weight: number }>(r: Rng, list: readonly T[]): T {
  let x = r() * list.reduce((s, i) => s + i.weight, 0);
  for (const i of list) if ((x -= i.weight) < 0) return i;
  return list[list.length - 1];
}
/** A round amount: 50-yuan steps under 10,000, then 500-yuan steps. */
const amount = (r: Rng, [min, max]: readonly [number, number]) => {
  const step = max <= 10_000 ? 50 : 500;
  return Math.max(min, Math.round(int(r, min, max) / step) * step);
};

// ---------------------------------------------------------------------------------------------
// Fictional people and businesses of 青山县

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹武乔贺常';
const MALE = ['建军', '志刚', '国强', '海涛', '军', '磊', '勇', '杰', '涛', '斌', '鹏', '浩', '宇', '明', '辉', '强', '亮', '平', '刚', '超', '波', '健', '红兵', '永胜', '文博', '俊杰', '宏伟', '建平', '小龙', '卫东', '二虎', '金生', '保平', '振华', '向东'];
const FEMALE = ['秀英', '丽', '敏', '静', '艳', '娟', '霞', '燕', '玲', '芳', '桂兰', '秀兰', '春梅', '晓红', '婷', '雪', '丹', '慧', '倩', '翠萍', '玉兰', '彩霞', '美玲', '海燕', '利萍'];
const TOWNS = ['城关镇', '河东街道', '河西街道', '东关镇', '西坪镇', '南村镇', '北岭乡', '柳林镇', '石门乡', '杏花镇'];
const ROADS = ['人民路', '建设路', '迎宾街', '站前路', '解放路', '文化街', '新华路', '滨河路', '府前街', '北环路', '工业路', '育才路'];
const VILLAGES = ['东村', '西村', '南庄', '后沟村', '石桥村', '柳树湾村', '王家庄村', '新胜村', '河湾村', '上岭村'];
const BRANDS = ['惠民', '家家乐', '金穗', '福源', '兴隆', '万家', '利民', '鑫源', '佳美', '诚信', '百佳', '好又多', '红旗', '康乐', '众合', '华联', '盛达', '永丰', '丰泽', '同福', '宏达', '顺通', '恒信', '瑞祥', '德隆', '安泰'];
const REGIONS = ['141122', '141122', '141122', '141122', '141121', '141123', '141102', '140502'];
const PHONE_PREFIXES = ['135', '136', '138', '139', '150', '151', '152', '158', '159', '182', '187', '188', '130', '131', '132', '155', '156', '185', '186', '133', '153', '180', '189', '177', '199'];
const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function personName(r: Rng): { name: string; male: boolean } {
  const male = r() < 0.6;
  return { name: pick(r, [...SURNAMES]) + pick(r, male ? MALE : FEMALE), male };
}
const place = (r: Rng) => `青山县${pick(r, TOWNS)}${pick(r, ROADS)}${int(r, 1, 220)}号`;
const villagePlace = (r: Rng) => `青山县${pick(r, TOWNS)}${pick(r, VILLAGES)}`;
const phone = (r: Rng) => pick(r, PHONE_PREFIXES) + String(int(r, 0, 99_999_999)).padStart(8, '0');
const plate = (r: Rng) => `晋J·${pick(r, [...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${String(int(r, 0, 99_999)).padStart(5, '0')}`;

/** A valid 18-digit resident ID number (check character per GB 11643), born in the given year range. */
function residentId(r: Rng, male: boolean, born: [number, number]): string {
  const year = int(r, born[0], born[1]);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const order = int(r, 0, 49) * 2 + (male ? 1 : 0); // the 17th digit is odd for men
  const first17 = `${pick(r, REGIONS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(int(r, 0, 9))}${String(order).padStart(2, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid unified social credit code: 91 enterprise, 92 individual business (个体工商户). */
function creditCode(r: Rng, kind: '91' | '92'): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CC_ALPHABET[int(r, 0, CC_ALPHABET.length - 1)];
  const first17 = `${kind}141122${body}`;
  return first17 + creditCodeCheckChar(first17);
}

function person(r: Rng, born: [number, number] = [1958, 2002]): PartyInput {
  const { name, male } = personName(r);
  return { kind: 'person', name, idNumber: residentId(r, male, born), phone: phone(r), address: `${villagePlace(r)}${int(r, 1, 120)}号` };
}
function organization(r: Rng, name: string, kind: '91' | '92'): PartyInput {
  return { kind: 'organization', name, creditCode: creditCode(r, kind), legalRepresentative: personName(r).name };
}

// ---------------------------------------------------------------------------------------------
// What each demo agency handles: causes (案由) tied to an item of its power list

type Category = 'penalty' | 'inspection' | 'coercion' | 'license';
interface Subject {
  parties: PartyInput[];
  /** Short name used in the cause, e.g. 青山县惠民超市 or 张建军. */
  label: string;
}
interface CauseDef {
  power: string;
  category: Category;
  weight: number;
  subject: (r: Rng) => Subject;
  cause: (s: Subject) => string;
  facts: (r: Rng, s: Subject, date: string) => string;
  /** Fine range (yuan) for an ordinary, non-major case (orgFine for an organisation when it differs). */
  fine?: [number, number];
  orgFine?: [number, number];
  /** Fine range of a major case: majorFine for an organisation, majorFinePerson for a citizen (none: only organisations). */
  majorFine?: [number, number];
  majorFinePerson?: [number, number];
  /** 没收违法所得 (yuan). */
  confiscation?: [number, number];
  penaltyTypes?: Array<'warning' | 'fine' | 'confiscation'>;
  /** 简易程序 possible (art. 51: up to 200 yuan for a citizen). */
  simpleFine?: [number, number];
  majorReason?: string;
  /** Always a major decision (e.g. forced demolition). */
  alwaysMajor?: boolean;
  investigation: Array<'inspection_record' | 'inquiry_record'>;
  titles: { notice: string; decision: string; execution: string };
}

const FINE_REASON = '罚款金额达到重大执法决定标准（对公民处三万元以上、对法人或者其他组织处十万元以上罚款）';
const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const shop = (kinds: string[]) => (r: Rng): Subject => {
  const name = `青山县${pick(r, BRANDS)}${pick(r, kinds)}`;
  return { label: name, parties: [organization(r, name, '92')] };
};
const company = (pattern: (brand: string) => string) => (r: Rng): Subject => {
  const name = pattern(pick(r, BRANDS));
  return { label: name, parties: [organization(r, name, '91')] };
};
const individual = (born?: [number, number]) => (r: Rng): Subject => {
  const p = person(r, born);
  return { label: p.name, parties: [p] };
};

const PENALTY_TITLES = { notice: '行政处罚告知书', decision: '行政处罚决定书', execution: '罚没款缴纳执行记录' };
const FOODS = ['袋装面包', '盒装纯牛奶', '火腿肠', '速冻水饺', '酸奶', '散装糕点', '瓶装果汁饮料', '方便面', '袋装熟食'];
const VEGETABLES = ['韭菜', '芹菜', '豇豆', '小油菜', '菠菜'];
const RESIDUES = ['腐霉利', '毒死蜱', '氧乐果', '克百威', '噻虫胺'];

const causes: Record<string, CauseDef[]> = {
  QS_SCJG: [
    {
      power: 'SCJG-CF-002', category: 'penalty', weight: 30, subject: shop(['超市', '便利店', '副食店', '食品店']),
      cause: (s) => `${s.label}销售超过保质期的食品案`,
      facts: (r, s, d) => {
        const food = pick(r, FOODS);
        const n = int(r, 3, 40);
        return `${zhDate(d)}，执法人员对当事人${s.label}位于${place(r)}的经营场所进行检查，发现其货架上摆放待售的${food}共${n}件已超过标签标注的保质期，货值金额${n * int(r, 3, 15)}元。执法人员当场对上述食品予以封存，并制作现场检查笔录。当事人对上述事实无异议。`;
      },
      fine: [5000, 60000], majorFine: [100_000, 150_000], confiscation: [60, 900], penaltyTypes: ['fine', 'confiscation'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'SCJG-CF-002', category: 'penalty', weight: 18, subject: (r) => (r() < 0.5 ? shop(['蔬菜店', '生鲜超市'])(r) : individual()(r)),
      cause: (s) => `${s.label}经营农药残留超标的蔬菜案`,
      facts: (r, s, d) => {
        const veg = pick(r, VEGETABLES);
        return `${zhDate(d)}，本局委托检验机构对当事人${s.label}在青山县${pick(r, TOWNS)}农贸市场经营的${veg}进行监督抽检。检验报告显示，${pick(r, RESIDUES)}项目检测值不符合GB 2763-2021《食品安全国家标准 食品中农药最大残留限量》的要求，检验结论为不合格。当事人收到检验结论后未申请复检，共购进该批次${veg}${int(r, 20, 150)}公斤，已售出${int(r, 5, 20)}公斤。`;
      },
      fine: [5000, 28000], orgFine: [5000, 50000], majorFine: [100_000, 120_000], confiscation: [30, 400], penaltyTypes: ['fine', 'confiscation'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'SCJG-CF-001', category: 'penalty', weight: 16, subject: (r) => (r() < 0.6 ? individual()(r) : shop(['小吃店', '烧烤店', '面馆', '熟食店'])(r)),
      cause: (s) => `${s.label}未取得食品经营许可从事食品经营案`,
      facts: (r, s, d) => `经群众举报，${zhDate(d)}执法人员对位于${place(r)}的经营场所进行检查，发现当事人${s.label}未取得食品经营许可证，自${int(r, 1, 8)}个月前起擅自从事${pick(r, ['热食类食品制售', '冷食类食品制售', '散装熟食销售', '自制饮品制售'])}经营活动，经营场所内存放${pick(r, ['凉皮', '卤肉', '烧饼', '米线', '奶茶原料'])}等食品原料及成品，违法所得经查证为${int(r, 800, 9000)}元。`,
      fine: [5000, 28000], majorFine: [100_000, 130_000], confiscation: [800, 9000], penaltyTypes: ['fine', 'confiscation'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'SCJG-CF-003', category: 'penalty', weight: 12,
      subject: (r) => (r() < 0.5 ? company((b) => `青山县${b}物业服务有限公司`)(r) : company((b) => `青山县${b}供热有限公司`)(r)),
      cause: (s) => (s.label.includes('供热') ? `${s.label}不执行政府定价收取供热费案` : `${s.label}不执行政府指导价收取机动车停放服务费案`),
      facts: (r, s, d) =>
        s.label.includes('供热')
          ? `根据群众投诉，${zhDate(d)}执法人员对当事人${s.label}的收费情况进行检查，发现当事人在${pick(r, TOWNS)}供热区域按每平方米${(5.6 + int(r, 2, 8) / 10).toFixed(1)}元收取居民采暖费，高于青山县人民政府规定的每平方米5.6元的政府定价，涉及住户${int(r, 80, 600)}户，多收价款共计${int(r, 8000, 60000)}元。`
          : `根据群众投诉，${zhDate(d)}执法人员对当事人${s.label}管理的${pick(r, ROADS)}公共停车场进行检查，发现当事人超出《青山县机动车停放服务收费标准》规定的政府指导价收费，小型车每次多收${int(r, 1, 5)}元，自${int(r, 2, 10)}个月前至检查之日多收价款共计${int(r, 2000, 30000)}元。`,
      fine: [3000, 60000], majorFine: [100_000, 180_000], confiscation: [2000, 60000], penaltyTypes: ['fine', 'confiscation'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'SCJG-JC-001', category: 'inspection', weight: 10, subject: shop(['超市', '餐馆', '饭店', '学校食堂承包部', '食品店']),
      cause: (s) => `${s.label}食品安全监督检查`,
      facts: (r, s, d) => `根据本局年度“双随机、一公开”抽查计划，${zhDate(d)}执法人员对当事人${s.label}进行食品安全监督检查，发现${pick(r, ['两名从业人员健康证明过期', '未按规定建立进货查验记录', '冷藏设施温度记录不全', '食品原料与杂物混放', '餐具消毒记录不完整'])}等问题，已当场责令当事人限期整改。`,
      investigation: ['inspection_record'], titles: { notice: '监督检查结果告知书', decision: '责令改正通知书', execution: '整改复查记录' },
    },
    {
      power: 'SCJG-QZ-001', category: 'coercion', weight: 6, subject: company((b) => `青山县${b}商贸有限公司`),
      cause: (s) => `扣押${s.label}涉嫌不符合食品安全标准的食品`,
      facts: (r, s, d) => `${zhDate(d)}，执法人员在检查中发现当事人${s.label}仓库内存放的${pick(r, ['进口饼干', '冷冻牛肉', '罐装饮料', '糖果'])}共${int(r, 20, 200)}箱无中文标签，且当事人无法提供合法来源证明，涉嫌不符合食品安全标准。为防止危害扩大，依法对上述食品予以扣押，扣押期限三十日，全程音像记录。`,
      investigation: ['inspection_record'], majorReason: '涉及货值较大、社会影响较大的行政强制措施', titles: { notice: '实施行政强制措施告知书', decision: '扣押决定书', execution: '扣押物品处理记录' },
    },
    {
      power: 'SCJG-XK-001', category: 'license', weight: 8, subject: shop(['餐馆', '超市', '蛋糕店', '便利店']),
      cause: (s) => `${s.label}食品经营许可申请`,
      facts: (r, s, d) => `当事人${s.label}于${zhDate(d)}申请食品经营许可，经营场所位于${place(r)}，经营项目为${pick(r, ['预包装食品销售、热食类食品制售', '预包装食品销售、散装食品销售', '糕点类食品制售'])}。经现场核查，经营场所、设施设备、从业人员及管理制度符合《食品经营许可和备案管理办法》规定的条件。`,
      investigation: ['inspection_record'], titles: { notice: '许可审查意见告知书', decision: '准予行政许可决定书', execution: '许可证发放记录' },
    },
  ],
  QS_ZHZF: [
    {
      power: 'ZHZF-CF-001', category: 'penalty', weight: 22,
      subject: (r) => (r() < 0.65 ? individual([1955, 1990])(r) : company((b) => `山西${b}建筑工程有限公司`)(r)),
      cause: (s) => `${s.label}未取得建设工程规划许可证擅自建设案`,
      facts: (r, s, d) => {
        const area = int(r, 40, 600);
        return `${zhDate(d)}，执法人员巡查发现当事人${s.label}在${villagePlace(r)}未取得建设工程规划许可证，擅自建设${pick(r, ['二层砖混结构房屋', '彩钢板结构厂房', '钢结构仓库', '三层框架结构楼房', '砖混结构门面房'])}，建筑面积约${area}平方米，工程造价约${area * int(r, 900, 1600)}元。经县自然资源局认定，该建设工程属于尚可采取改正措施消除对规划实施影响的情形。`;
      },
      fine: [4000, 28000], majorFine: [100_000, 260_000], majorFinePerson: [30_000, 90_000], penaltyTypes: ['fine'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'ZHZF-CF-002', category: 'penalty', weight: 26, subject: (r) => (r() < 0.7 ? individual([1950, 2007])(r) : shop(['五金店', '建材店', '水果店', '餐馆'])(r)),
      cause: (s) => `${s.label}擅自占用城市道路${s.parties[0].kind === 'person' ? '摆摊经营' : '堆放物品'}案`,
      facts: (r, s, d) => `${zhDate(d)}，执法人员在${pick(r, ROADS)}巡查时发现，当事人${s.label}未经市政工程行政主管部门和公安交通管理部门批准，擅自占用城市道路${s.parties[0].kind === 'person' ? '摆摊销售水果蔬菜' : '堆放建筑材料及货物'}，占用面积约${int(r, 3, 40)}平方米。执法人员当场责令其改正，当事人未在规定期限内改正。`,
      fine: [200, 5000], simpleFine: [50, 200], penaltyTypes: ['fine'],
      investigation: ['inspection_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'ZHZF-CF-003', category: 'penalty', weight: 18, subject: (r) => (r() < 0.75 ? individual([1950, 2007])(r) : shop(['饭店', '火锅店', '烧烤店'])(r)),
      cause: (s) => `${s.label}${s.parties[0].kind === 'person' ? '随意倾倒生活垃圾' : '随意倾倒餐厨垃圾'}案`,
      facts: (r, s, d) =>
        s.parties[0].kind === 'person'
          ? `${zhDate(d)}，执法人员在${pick(r, ROADS)}${pick(r, ['绿化带', '河道旁', '人行道'])}巡查时发现，当事人${s.label}将${int(r, 2, 6)}袋生活垃圾随意倾倒在垃圾收集容器之外，经劝导后当事人承认上述事实。`
          : `经群众举报，${zhDate(d)}执法人员发现当事人${s.label}将经营产生的餐厨垃圾约${int(r, 50, 300)}公斤随意倾倒在${pick(r, ROADS)}雨水井及路边空地内，造成环境污染。`,
      fine: [100, 500], orgFine: [50_000, 90_000], majorFine: [100_000, 150_000], simpleFine: [100, 200], penaltyTypes: ['fine'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'ZHZF-QZ-001', category: 'coercion', weight: 6, subject: (r) => (r() < 0.7 ? individual([1955, 1985])(r) : company((b) => `青山县${b}置业有限公司`)(r)),
      cause: (s) => `强制拆除${s.label}违法建筑`,
      facts: (r, s, d) => `当事人${s.label}在${villagePlace(r)}未取得建设工程规划许可证建设的${pick(r, ['砖混结构房屋', '彩钢板棚', '围墙及门房'])}（约${int(r, 60, 400)}平方米）属于无法采取改正措施消除影响的违法建设。本局责令限期拆除后，当事人逾期未拆除，且在法定期限内未申请行政复议或者提起行政诉讼。${zhDate(d)}本局依法立案，拟实施强制拆除。`,
      alwaysMajor: true, majorReason: '拟强制拆除违法建筑物、构筑物，涉及当事人重大财产权益',
      investigation: ['inspection_record'], titles: { notice: '催告书', decision: '强制拆除决定书', execution: '强制拆除执行记录' },
    },
  ],
  QS_JTYS: [
    {
      power: 'JTYS-CF-001', category: 'penalty', weight: 30, subject: individual([1960, 2000]),
      cause: (s) => `${s.label}未取得道路运输经营许可擅自从事道路旅客运输经营案`,
      facts: (r, s, d) => {
        const n = int(r, 2, 4);
        const price = int(r, 10, 40);
        return `${zhDate(d)}，执法人员在${pick(r, ['青山县汽车站', '县人民医院', '高铁站'])}附近检查时发现，当事人${s.label}驾驶车牌号为${plate(r)}的小型轿车，在未取得道路运输经营许可的情况下，擅自从事青山县城至${pick(r, TOWNS)}的旅客运输经营活动，车上载客${n}人，每人收费${price}元，违法所得${n * price}元。`;
      },
      fine: [10000, 20000], majorFinePerson: [30_000, 50_000], confiscation: [20, 160], penaltyTypes: ['fine', 'confiscation'], majorReason: FINE_REASON,
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'JTYS-CF-002', category: 'penalty', weight: 24,
      subject: (r) => {
        const driver = person(r, [1965, 1998]);
        if (r() < 0.5) return { label: driver.name, parties: [driver] };
        const c = organization(r, `青山县${pick(r, BRANDS)}物流有限公司`, '91');
        return { label: c.name, parties: [c, driver] };
      },
      cause: (s) => `${s.label}车辆在公路上擅自超限行驶案`,
      facts: (r, s, d) => {
        const over = int(r, 3, 25);
        return `${zhDate(d)}，执法人员在${pick(r, ['G209线青山超限检测站', 'S321线柳林超限检测站'])}对${plate(r)}号重型半挂牵引车进行检测，该车车货总重${49 + over}吨，超过规定限值${over}吨（超限${Math.round((over / 49) * 100)}%），当事人未办理超限运输许可，擅自在公路上超限行驶。当事人已自行卸载。`;
      },
      fine: [500, 28000], penaltyTypes: ['fine'],
      investigation: ['inspection_record', 'inquiry_record'], titles: PENALTY_TITLES,
    },
    {
      power: 'JTYS-JC-001', category: 'inspection', weight: 10, subject: company((b) => `青山县${b}汽车运输有限公司`),
      cause: (s) => `${s.label}道路运输安全监督检查`,
      facts: (r, s, d) => `${zhDate(d)}，执法人员对当事人${s.label}开展道路运输安全生产监督检查，发现${pick(r, ['部分营运车辆未按期进行综合性能检测', '驾驶员从业资格证未按期参加继续教育', '动态监控平台报警处理记录不完整', '安全例检记录缺失'])}等问题，已责令当事人限期整改。`,
      investigation: ['inspection_record'], titles: { notice: '监督检查结果告知书', decision: '责令改正通知书', execution: '整改复查记录' },
    },
    {
      power: 'JTYS-XK-001', category: 'license', weight: 5, subject: company((b) => `青山县${b}客运有限公司`),
      cause: (s) => `${s.label}道路旅客运输经营许可申请`,
      facts: (r, s, d) => `当事人${s.label}于${zhDate(d)}申请从事县内班车客运经营，线路为青山县城至${pick(r, TOWNS)}，拟投入客车${int(r, 2, 8)}辆。经审查，当事人车辆、驾驶人员及安全生产管理制度符合《中华人民共和国道路运输条例》第八条规定的条件。`,
      investigation: ['inspection_record'], titles: { notice: '许可审查意见告知书', decision: '准予行政许可决定书', execution: '许可证发放记录' },
    },
  ],
};

/** How many cases of each status each agency gets; `overdue` of them stay undecided past the deadline. */
const QUOTAS: Record<string, { seed: number; statuses: Record<CaseStatus, number>; overdue: Partial<Record<CaseStatus, number>>; abbreviation: string; head: string }> = {
  QS_SCJG: {
    seed: 20260101, abbreviation: '青市监', head: '孙志强',
    statuses: { filed: 7, investigating: 16, notified: 10, hearing: 4, legal_review: 3, decided: 8, served: 8, executed: 12, closed: 24, archived: 48, withdrawn: 5, terminated: 5 },
    overdue: { investigating: 2, notified: 1 },
  },
  QS_ZHZF: {
    seed: 20260202, abbreviation: '青综执', head: '冯建军',
    statuses: { filed: 5, investigating: 11, notified: 7, hearing: 3, legal_review: 3, decided: 5, served: 6, executed: 9, closed: 15, archived: 30, withdrawn: 3, terminated: 3 },
    overdue: { investigating: 1, hearing: 1 },
  },
  QS_JTYS: {
    seed: 20260303, abbreviation: '青交运', head: '钱国栋',
    statuses: { filed: 3, investigating: 6, notified: 4, hearing: 2, legal_review: 2, decided: 3, served: 4, executed: 5, closed: 9, archived: 18, withdrawn: 2, terminated: 2 },
    overdue: { investigating: 1 },
  },
};

const WITHDRAW_REASONS = ['经核查，该案不属于本机关管辖，已移送有管辖权的机关处理', '经初步核查，立案依据不足，撤销立案', '同一违法行为已由其他机关立案查处，撤销立案'];
const TERMINATE_REASONS = ['经调查，违法事实不能成立，终止调查', '当事人（个体工商户）已注销，无权利义务承受人，终止调查', '当事人违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚，终止调查'];

const DOC_TITLES: Partial<Record<DocumentType, string>> = {
  filing_approval: '立案审批表', inspection_record: '现场检查笔录', inquiry_record: '询问笔录', hearing_notice: '听证通知书',
  hearing_record: '听证笔录', review_application: '重大执法决定法制审核申请表', discussion_minutes: '重大案件集体讨论记录',
  service_receipt: '送达回证', closing_report: '结案报告',
};

// ---------------------------------------------------------------------------------------------
// Planning one case: its path through the lifecycle with dates that satisfy every precondition

interface Step {
  kind: 'transition' | 'document';
  date: string;
  action?: CaseAction | 'file';
  to?: CaseStatus;
  reason?: string;
  type?: DocumentType;
  /** Acts as the head (decide, close, withdraw, terminate) rather than the officer. */
  byHead?: boolean;
}

interface Plan {
  def: CauseDef;
  subject: Subject;
  status: CaseStatus;
  procedure: 'simple' | 'ordinary';
  major: boolean;
  source: string;
  officerIdx: number[];
  steps: Step[];
  filedOn: string;
  fine?: number;
  confiscation?: number;
  discretion?: { level: string; standardRef?: string; reasoning: string };
  hearing: { requestedOn?: string; heldOn?: string; waived?: boolean };
  reviewApprovedOn?: string;
  endReason?: string;
  rng: Rng;
  gapSeed: number;
}

const ORDER: CaseStatus[] = ['filed', 'investigating', 'notified', 'hearing', 'legal_review', 'decided', 'served', 'executed', 'closed', 'archived'];
const reached = (status: CaseStatus, s: CaseStatus) => ORDER.indexOf(status) >= ORDER.indexOf(s);

/** Days a case typically rests in its current status before today (calendar days). */
function restDays(r: Rng, status: CaseStatus, overdue: boolean, room: number): number {
  if (overdue) return int(r, 95, 150);
  switch (status) {
    case 'filed': return int(r, 0, 4);
    case 'investigating': return int(r, 0, 35);
    case 'notified': return int(r, 0, 6);
    case 'hearing': return int(r, 0, 10);
    case 'legal_review': return int(r, 0, 6);
    case 'decided': return int(r, 0, 4);
    case 'served': return int(r, 0, 12);
    case 'executed': return int(r, 0, 40);
    case 'closed': return int(r, 0, 45);
    default: return int(r, 0, Math.max(0, room)); // archived, withdrawn, terminated: anywhere in the period
  }
}

/** The steps from filing to the target status, starting on `filedOn`. */
function buildSteps(p: Plan, filedOn: string, cal: WorkdayCalendar, hearingWorkdays: number): Step[] {
  const r = mulberry32(p.gapSeed); // the same gaps whatever the filing date, so placing the path in time converges
  const wd = (from: string, min: number, max: number) => addWorkdays(from, int(r, min, max), cal).date;
  const steps: Step[] = [{ kind: 'transition', action: 'file', to: 'filed', date: filedOn }];
  const doc = (type: DocumentType, date: string) => steps.push({ kind: 'document', type, date });
  const go = (action: CaseAction, to: CaseStatus, date: string, extra: Partial<Step> = {}) => steps.push({ kind: 'transition', action, to, date, ...extra });
  const status = p.status;
  p.hearing = {};
  p.reviewApprovedOn = undefined;

  if (p.procedure === 'simple') {
    // 当场处罚: decided, served (and usually paid) on the spot.
    doc('decision', filedOn);
    go('decide_on_spot', 'decided', filedOn);
    if (!reached(status, 'served')) return steps;
    doc('service_receipt', filedOn);
    go('serve', 'served', filedOn);
    if (!reached(status, 'executed')) return steps;
    const paid = r() < 0.5 ? filedOn : wd(filedOn, 1, 10);
    doc('execution_record', paid);
    go('execute', 'executed', paid);
    if (!reached(status, 'closed')) return steps;
    const closed = wd(paid, 1, 8);
    doc('closing_report', closed);
    go('close', 'closed', closed, { byHead: true });
    if (status === 'archived') go('archive', 'archived', wd(closed, 2, 15));
    return steps;
  }

  doc('filing_approval', filedOn);
  if (status === 'filed') return steps;
  if (status === 'withdrawn' && r() < 0.4) {
    go('withdraw', 'withdrawn', wd(filedOn, 1, 6), { byHead: true, reason: p.endReason });
    return steps;
  }
  let d = wd(filedOn, 0, 2);
  go('start_investigation', 'investigating', d);
  for (const type of p.def.investigation) {
    d = wd(d, 0, 4);
    doc(type, d);
  }
  if (status === 'investigating') return steps;
  if (status === 'withdrawn') {
    go('withdraw', 'withdrawn', wd(d, 2, 12), { byHead: true, reason: p.endReason });
    return steps;
  }
  const terminateAt = status === 'terminated' ? pick(r, ['investigating', 'notified', 'notified', 'legal_review'] as const) : undefined;
  if (terminateAt === 'investigating' || (terminateAt === 'legal_review' && !p.major)) {
    go('terminate', 'terminated', wd(d, 5, 25), { byHead: true, reason: p.endReason });
    return steps;
  }
  d = wd(d, 6, 22);
  doc('notice', d);
  go('notify', 'notified', d);
  const notifiedOn = d;
  const hearingRights = p.def.category === 'penalty';
  const windowEnd = addWorkdays(notifiedOn, hearingWorkdays, cal).date;
  if (terminateAt === 'notified') {
    go('terminate', 'terminated', wd(windowEnd, 1, 10), { byHead: true, reason: p.endReason });
    return steps;
  }
  if (status === 'notified') {
    if (hearingRights && r() < 0.3) go('waive_hearing', 'notified', wd(notifiedOn, 1, 3));
    return steps;
  }
  let ready = d; // the earliest day the decision may be taken
  const wantsHearing = hearingRights && (status === 'hearing' || r() < (p.major ? 0.45 : 0.1));
  if (wantsHearing) {
    const requested = wd(notifiedOn, 1, hearingWorkdays);
    p.hearing.requestedOn = requested;
    go('request_hearing', 'hearing', requested);
    const noticeOn = wd(requested, 1, 3);
    doc('hearing_notice', noticeOn);
    const held = addWorkdays(addCalendarDays(noticeOn, 7), int(r, 0, 4), cal).date; // notified 7 days ahead
    if (status === 'hearing' && r() < 0.5) return steps; // the hearing is still to be held
    doc('hearing_record', held);
    p.hearing.heldOn = held;
    if (status === 'hearing') return steps;
    ready = held;
  } else if (hearingRights) {
    if (r() < 0.35) {
      const waived = wd(notifiedOn, 1, Math.min(3, hearingWorkdays));
      p.hearing.waived = true;
      go('waive_hearing', 'notified', waived);
      ready = waived;
    } else ready = windowEnd; // the window must have passed (decide strictly after it)
  }
  if (p.major) {
    const submitted = wd(ready, 1, 3);
    doc('review_application', submitted);
    go('submit_review', 'legal_review', submitted);
    if (terminateAt === 'legal_review') {
      go('terminate', 'terminated', wd(submitted, 2, 10), { byHead: true, reason: p.endReason });
      return steps;
    }
    if (status === 'legal_review') return steps;
    p.reviewApprovedOn = wd(submitted, 2, 8);
    const discussed = wd(p.reviewApprovedOn, 1, 3);
    doc('discussion_minutes', discussed);
    ready = discussed;
  }
  const decided = wd(ready, 1, 6);
  doc('decision', decided);
  go('decide', 'decided', decided, { byHead: true });
  if (status === 'decided') return steps;
  const served = wd(decided, 0, 4);
  doc('service_receipt', served);
  go('serve', 'served', served);
  if (status === 'served') return steps;
  const executed = wd(served, 3, 14);
  doc('execution_record', executed);
  go('execute', 'executed', executed);
  if (status === 'executed') return steps;
  const closed = wd(executed, 2, 10);
  doc('closing_report', closed);
  go('close', 'closed', closed, { byHead: true });
  if (status === 'archived') go('archive', 'archived', wd(closed, 3, 20));
  return steps;
}

const nextWorkday = (d: string, cal: WorkdayCalendar) => { while (!isWorkday(d, cal)) d = addCalendarDays(d, 1); return d; };
const prevWorkday = (d: string, cal: WorkdayCalendar) => { while (!isWorkday(d, cal)) d = addCalendarDays(d, -1); return d; };

// ---------------------------------------------------------------------------------------------
// Seeding

interface ActorRef { name: string; user?: { id: Types.ObjectId; username: string; displayName: string; roles: Role[] } }

function contextOf(a: ActorRef, agencyId: string): RequestContext {
  if (!a.user) return { requestId: 'demo-data', ip: '127.0.0.1' };
  const actor: Actor = { userId: String(a.user.id), username: a.user.username, displayName: a.user.displayName, roles: a.user.roles, agencyId, permissions: [] };
  return { actor, requestId: 'demo-data', ip: '127.0.0.1' };
}

export interface DemoCasesResult { cases: number; documents: number; auditEntries: number }

/**
 * Seeds the demo cases of every demo enforcement agency that has none yet. `auditWriter` chooses
 * how the timeline entries are appended: in one batch (default) or one by one through recordAudit
 * (kept to measure the difference, see docs/performance.md).
 */
export async function seedDemoCases(options: { auditWriter?: 'batch' | 'single' } = {}): Promise<DemoCasesResult> {
  const today = chinaDate();
  const lastDay = addCalendarDays(today, -1); // every step lies in the past (times of day included)
  const cal = await currentCalendar();
  const result: DemoCasesResult = { cases: 0, documents: 0, auditEntries: 0 };
  const audit: AuditBatchEntry[] = [];

  for (const [code, quota] of Object.entries(QUOTAS)) {
    const agency = await AgencyModel.findOne({ code });
    if (!agency || agency.qualification?.status !== 'announced') continue;
    if (await CaseModel.exists({ agencyId: agency._id })) continue;
    const agencyId = String(agency._id);
    const r = mulberry32(quota.seed);

    // The agency's abbreviation in case numbers (青市监罚〔2026〕12号).
    const before = await settingsOf(agencyId);
    const settings = before.caseAbbreviation === quota.abbreviation
      ? before
      : (await AgencySettingsModel.findOneAndUpdate({ _id: before._id }, { $set: { caseAbbreviation: quota.abbreviation }, $inc: { version: 1 } }, { returnDocument: 'after' }))!;

    // Officers who may be assigned: a valid certificate today, not the legal reviewer.
    const officers = await OfficerModel.find({ agencyId: agency._id, status: 'active', legalQualification: { $ne: true } }).sort({ createdAt: 1, _id: 1 });
    const certificates = await CertificateModel.find({ officerId: { $in: officers.map((o) => o._id) }, status: 'valid' });
    const eligible = officers.filter((o) => certificates.some((c) => String(c.officerId) === o.id && certificateState({ certificate: c, officer: o, agency, today }) === 'valid'));
    if (eligible.length < 2) continue;
    const users = await UserModel.find({ _id: { $in: eligible.map((o) => o.userId).filter(Boolean) } });
    const head = await UserModel.findOne({ agencyId: agency._id, roles: 'dept_head', active: true });
    const officerActor = (i: number): ActorRef => {
      const u = users.find((x) => String(x._id) === String(eligible[i].userId));
      return { name: eligible[i].name, user: u ? { id: u._id, username: u.username, displayName: u.displayName, roles: u.roles as Role[] } : undefined };
    };
    const headActor: ActorRef = head
      ? { name: head.displayName, user: { id: head._id, username: head.username, displayName: head.displayName, roles: head.roles as Role[] } }
      : { name: quota.head };
    const withUser = eligible.map((_, i) => i).filter((i) => officerActor(i).user);

    const powers = new Map((await PowerItemModel.find({ agencyId: agency._id })).map((p) => [p.code, p]));
    const defs = causes[code].filter((d) => powers.has(d.power) && agency.categories.includes(d.category));
    if (!defs.length) continue;
    const earliest = [agency.qualification.publicationDate ? addCalendarDays(agency.qualification.publicationDate, 1) : '', addCalendarDays(today, -425)].sort().pop()!;
    const room = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(earliest)) / 86_400_000));

    // 1. Plan every case.
    const plans: Plan[] = [];
    for (const status of Object.keys(quota.statuses) as CaseStatus[]) {
      for (let i = 0; i < quota.statuses[status]; i++) {
        const overdue = i < (quota.overdue[status] ?? 0);
        const decidedLater = reached(status, 'decided');
        const simpleDefs = defs.filter((d) => d.simpleFine);
        const simple = decidedLater && simpleDefs.length > 0 && r() < 0.3;
        let major = status === 'legal_review' || (!simple && status !== 'withdrawn' && r() < (decidedLater ? 0.08 : status === 'terminated' ? 0.1 : 0.04));
        const pool = defs.filter((d) => (simple ? d.simpleFine : true) && (status === 'hearing' ? d.category === 'penalty' : true) && (major ? d.majorFine || d.majorFinePerson || d.alwaysMajor : !d.alwaysMajor || !decidedLater || r() < 0.6));
        const def = weighted(r, pool.length ? pool : defs);
        if (def.alwaysMajor) major = true;
        // A major fine is for an organisation unless the cause has a major fine for citizens.
        let subject = def.subject(r);
        for (let k = 0; k < 30 && major && def.category === 'penalty' && !def.majorFinePerson && subject.parties[0].kind === 'person'; k++) subject = def.subject(r);
        const first = withUser.length && r() < 0.75 ? pick(r, withUser) : int(r, 0, eligible.length - 1);
        const second = (first + 1 + int(r, 0, eligible.length - 2)) % eligible.length;
        const plan: Plan = {
          def, subject, status, major, rng: mulberry32(Math.floor(r() * 2 ** 32)), gapSeed: Math.floor(r() * 2 ** 32),
          procedure: simple ? 'simple' : 'ordinary',
          source: def.category === 'license' ? 'other' : pick(r, ['inspection', 'inspection', 'inspection', 'complaint', 'complaint', 'referral', 'transfer']),
          officerIdx: simple ? [first] : [first, second],
          steps: [], filedOn: '', hearing: {},
          endReason: status === 'withdrawn' ? pick(r, WITHDRAW_REASONS) : status === 'terminated' ? pick(r, TERMINATE_REASONS) : undefined,
        };
        // Place the path in time: it ends `rest` days before today, and starts after the agency could enforce.
        const target = addCalendarDays(lastDay, -restDays(r, status, overdue, room));
        let filedOn = prevWorkday(addCalendarDays(target, -20), cal);
        for (let attempt = 0; attempt < 10; attempt++) {
          if (filedOn < earliest) filedOn = nextWorkday(earliest, cal);
          plan.steps = buildSteps(plan, filedOn, cal, settings.hearingRequestWorkdays);
          const end = plan.steps[plan.steps.length - 1].date;
          const off = Math.round((Date.parse(target) - Date.parse(end)) / 86_400_000);
          if (end <= lastDay && (attempt > 4 || Math.abs(off) < 3)) break;
          filedOn = prevWorkday(addCalendarDays(filedOn, off - (attempt > 4 ? 3 : 0)), cal);
        }
        if (plan.steps[plan.steps.length - 1].date > lastDay) continue; // never date a step in the future (does not happen with these quotas)
        plan.filedOn = filedOn;
        if (reached(status, 'notified') || status === 'terminated') {
          if (def.category === 'penalty' && plan.steps.some((s) => s.action === 'notify' || s.action === 'decide_on_spot')) {
            const org = subject.parties[0].kind === 'organization';
            const range = simple ? def.simpleFine! : major ? (org ? def.majorFine : def.majorFinePerson) ?? def.majorFine ?? def.majorFinePerson! : (org ? def.orgFine : undefined) ?? def.fine!;
            plan.fine = amount(r, range);
            if (def.confiscation && !simple) plan.confiscation = amount(r, def.confiscation);
            const level = simple ? 'normal' : major ? pick(r, ['normal', 'heavier']) : pick(r, ['normal', 'normal', 'lighter', 'lighter', 'mitigated']);
            plan.discretion = {
              level,
              standardRef: powers.get(def.power)?.discretionStandard ?? `《${agency.name}行政处罚裁量基准》`,
              reasoning: {
                normal: '当事人违法事实清楚，无从轻、减轻或者从重情节，按一般情形处罚',
                lighter: '当事人主动消除违法行为危害后果，积极配合调查，依法从轻处罚',
                mitigated: '当事人违法行为轻微、主动改正且系初次违法，依据《中华人民共和国行政处罚法》第三十二条减轻处罚',
                heavier: '当事人违法行为持续时间长、涉及面广，社会影响较大，依法从重处罚',
              }[level]!,
            };
          }
        }
        plans.push(plan);
      }
    }

    // 2. Number them in filing order, per year, from the real counter.
    plans.sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
    const caseDocs: Array<Record<string, unknown>> = [];
    const documents: Array<Record<string, unknown>> = [];
    for (const p of plans) {
      const year = Number(p.filedOn.slice(0, 4));
      const seq = await nextSequence(agencyId, year);
      const abbr = settings.caseAbbreviation ?? agency.shortName;
      const number = formatCaseNumber(settings.caseNumberPattern, { abbr, category: p.def.category, year, seq });
      const docNumber = (infix: string) => formatCaseNumber(`{abbr}{cat}${infix}〔{year}〕{seq}号`, { abbr, category: p.def.category, year, seq });
      const caseId = new Types.ObjectId();
      const officerIds = p.officerIdx.map((i) => eligible[i]._id);
      const officer = officerActor(p.officerIdx.find((i) => officerActor(i).user) ?? p.officerIdx[0]);
      const parties = sealParties(p.subject.parties, [], p.filedOn);

      // Times of day: office hours, strictly increasing within the case.
      let clock = 0;
      const at = (date: string) => {
        const base = Date.parse(`${date}T08:30:00+08:00`);
        clock = Math.max(clock + int(p.rng, 4, 25) * 60_000, base + int(p.rng, 0, 90) * 60_000);
        return new Date(clock);
      };

      const initial = {
        _id: caseId, agencyId: agency._id, number, year, seq,
        category: p.def.category, procedure: p.procedure, source: p.source,
        cause: p.def.cause(p.subject), facts: p.def.facts(p.rng, p.subject, p.filedOn),
        legalBasis: powers.get(p.def.power)!.legalBasis.map((b) => ({ law: b.law, ...(b.article ? { article: b.article } : {}) })),
        major: p.major,
        majorReasons: p.major ? [p.def.majorReason ?? FINE_REASON] : [],
        parties, officerIds, filedOn: p.filedOn, status: 'filed',
        decisionDeadline: {
          dueOn: addCalendarDays(p.filedOn, settings.decisionDeadlineDays),
          days: settings.decisionDeadlineDays,
          basis: `行政处罚法第六十条 / agency setting decisionDeadlineDays=${settings.decisionDeadlineDays} (settings version ${settings.version})`,
        },
        createdBy: officer.user?.id,
      };
      const createdAt = at(p.filedOn);
      const created = new CaseModel({ ...initial, history: [], version: 0, createdAt, updatedAt: createdAt });
      const ctxOfficer = contextOf(officer, agencyId);
      const ctxHead = contextOf(headActor, agencyId);
      audit.push({
        ctx: ctxOfficer, at: createdAt, action: 'case.create', entity: 'case', entityId: String(caseId), agencyId, caseId: String(caseId),
        changes: diff(undefined, created.toJSON(), ['history', 'version']), note: number, ...(officer.user ? {} : { actorName: officer.name }),
      });

      const history: Array<Record<string, unknown>> = [
        { action: 'file', from: 'filed', to: 'filed', at: createdAt, date: p.filedOn, byUserId: officer.user?.id, byName: officer.user?.displayName ?? officer.name },
      ];
      const dates: Record<string, string> = {};
      let status: CaseStatus = 'filed';
      let last = createdAt;
      for (const s of p.steps.slice(1)) {
        const by = s.byHead ? headActor : officer;
        const ctx = s.byHead ? ctxHead : ctxOfficer;
        const when = at(s.date);
        last = when;
        if (s.kind === 'document') {
          const type = s.type!;
          const title = type === 'notice' ? p.def.titles.notice : type === 'decision' ? p.def.titles.decision : type === 'execution_record' ? p.def.titles.execution : DOC_TITLES[type]!;
          const numbered: Partial<Record<DocumentType, string>> = { notice: docNumber('告'), hearing_notice: docNumber('听'), decision: docNumber('决') };
          const doc = new CaseDocumentModel({
            caseId, agencyId: agency._id, type, title, number: numbered[type], date: s.date, officerIds,
            summary: documentSummary(type, p, s.date), version: 1, current: true,
            createdBy: officer.user?.id, createdByName: officer.user?.displayName ?? officer.name, createdAt: when, updatedAt: when,
          });
          documents.push(doc.toObject());
          audit.push({
            ctx: ctxOfficer, at: when, action: 'case_document.create', entity: 'case_document', entityId: doc.id, agencyId, caseId: String(caseId),
            changes: diff(undefined, doc.toJSON()), note: `${type} ${doc.number ?? ''}`.trim(), ...(officer.user ? {} : { actorName: officer.name }),
          });
          continue;
        }
        const action = s.action as CaseAction;
        const from = status;
        status = s.to!;
        const field = ({ notify: 'notifiedOn', decide: 'decidedOn', decide_on_spot: 'decidedOn', serve: 'servedOn', execute: 'executedOn', close: 'closedOn', archive: 'archivedOn' } as Record<string, string>)[action];
        if (field) dates[field] = s.date;
        history.push({ action, from, to: status, at: when, date: s.date, byUserId: by.user?.id, byName: by.user?.displayName ?? by.name, reason: s.reason });
        audit.push({
          ctx, at: when, action: `case.${action}`, entity: 'case', entityId: String(caseId), agencyId, caseId: String(caseId),
          changes: [{ field: 'status', before: from, after: status }], note: [s.date, s.reason].filter(Boolean).join(' · '),
          ...(by.user ? {} : { actorName: by.name }),
        });
      }

      const notified = Boolean(dates.notifiedOn) || p.procedure === 'simple';
      caseDocs.push({
        ...initial,
        ...dates,
        status,
        ...(notified && p.fine !== undefined ? { fineAmount: p.fine, penaltyTypes: p.def.penaltyTypes ?? ['fine'], discretion: p.discretion } : {}),
        ...(notified ? { draftDecision: documentSummary('decision', p, p.filedOn).replace(/^决定/, '拟') } : {}),
        ...(notified && p.confiscation !== undefined ? { confiscationAmount: p.confiscation } : {}),
        ...(p.hearing.requestedOn || p.hearing.waived ? { hearing: p.hearing } : {}),
        // As the transitions leave it: pending from submit_review on, approved by the review before the decision.
        legalReview: p.reviewApprovedOn && reached(status, 'decided')
          ? { status: 'approved', decidedAt: new Date(`${p.reviewApprovedOn}T16:00:00+08:00`) }
          : { status: p.steps.some((s) => s.action === 'submit_review') ? 'pending' : 'none' },
        endReason: p.endReason && ['withdrawn', 'terminated'].includes(status) ? p.endReason : undefined,
        history,
        version: history.length - 1,
        createdAt,
        updatedAt: last,
      });
    }
    await CaseModel.insertMany(caseDocs, { timestamps: false });
    await CaseDocumentModel.insertMany(documents, { timestamps: false });
    result.cases += caseDocs.length;
    result.documents += documents.length;
  }

  // 3. The timelines, appended to the audit chain in the order the steps happened.
  audit.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  if (options.auditWriter === 'single') {
    for (const { ctx, at: _at, ...entry } of audit) await recordAudit(ctx!, entry);
    result.auditEntries = audit.length;
  } else {
    result.auditEntries = await recordAuditBatch({ requestId: 'demo-data', ip: '127.0.0.1' }, audit);
  }
  return result;
}

function documentSummary(type: DocumentType, p: Plan, date: string): string {
  const who = p.subject.label;
  switch (type) {
    case 'filing_approval': return `经初步核查，${who}涉嫌违法的事实存在，符合立案条件，报请负责人批准立案。`;
    case 'inspection_record': return `执法人员出示执法证件，对${who}的有关场所、物品进行现场检查，当事人在场并签字确认。`;
    case 'inquiry_record': return `执法人员依法对${who}（或其委托代理人）进行询问，告知其如实陈述的义务和申请回避的权利，询问笔录经核对无误后签字。`;
    case 'notice': return p.def.category === 'penalty'
      ? `告知${who}拟作出行政处罚的事实、理由、依据${p.fine !== undefined ? `及拟罚款${p.fine}元` : ''}，以及陈述、申辩和要求听证的权利。`
      : `告知${who}拟作出决定的事实、理由和依据，以及陈述、申辩的权利。`;
    case 'hearing_notice': return `通知${who}听证的时间、地点及主持人，于听证七日前送达。`;
    case 'hearing_record': return `听证会依法举行，调查人员陈述案件事实、证据和处罚建议，当事人进行申辩和质证。`;
    case 'review_application': return '本案属于重大执法决定，提请县司法局（法制审核机构）进行法制审核。';
    case 'discussion_minutes': return '机关负责人集体讨论，同意法制审核意见，依法作出决定。';
    case 'decision': return p.fine !== undefined ? `决定对${who}处以罚款${p.fine}元${p.confiscation ? `，没收违法所得${p.confiscation}元` : ''}。` : `对${who}依法作出决定。`;
    case 'service_receipt': return `${date}直接送达${who}，受送达人签收。`;
    case 'execution_record': return p.fine !== undefined ? `当事人已通过银行缴纳罚没款，缴款凭证附卷。` : '决定已执行完毕，执行情况附卷。';
    case 'closing_report': return '案件已执行完毕，文书齐全，报请结案。';
    default: return '';
  }
}
