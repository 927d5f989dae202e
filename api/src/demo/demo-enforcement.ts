// Demo enforcement subjects: qualification, power lists, officers and certificates for the demo
// county. Dates are relative to today so that "expiring soon" and "expired" stay true.
import { randomBytes } from 'node:crypto';
import { AgencyModel } from '../agencies/agency.model';
import { CertificateModel } from '../certificates/certificate.model';
import { OfficerModel } from '../officers/officer.model';
import { addCalendarDays, chinaDate } from '../platform/calendar/dates';
import { creditCodeCheckChar } from '../platform/identifiers/credit-code';
import { PowerItemModel } from '../powers/power-item.model';
import { UserModel } from '../users/user.model';

const REMEDY = '可在收到决定之日起六十日内向青山县人民政府申请行政复议，或者在六个月内向青山县人民法院提起行政诉讼';
const PENALTY_PROCEDURE = '立案—调查取证—告知（陈述、申辩、听证）—法制审核（重大）—集体讨论（重大复杂）—决定—送达—执行—结案';

type Basis = [string, string?];
const item = (code: string, name: string, category: string, bases: Basis[], timeLimit: string, extra: Record<string, string> = {}) => ({
  code, name, category, legalBasis: bases.map(([law, article]) => ({ law, ...(article ? { article } : {}) })), timeLimit,
  procedure: category === 'penalty' ? PENALTY_PROCEDURE : extra.procedure, remedy: REMEDY, ...extra,
});

const subjects: Record<string, { legalBasis: string; categories: string[]; serial: string; powers: ReturnType<typeof item>[]; officers: Array<{ name: string; post: string; user?: string; areas: string[]; legal?: boolean; expiry?: 'soon' | 'expired' }> }> = {
  QS_SCJG: {
    legalBasis: '《中华人民共和国食品安全法》《中华人民共和国产品质量法》《中华人民共和国价格法》《中华人民共和国市场主体登记管理条例》',
    categories: ['license', 'penalty', 'coercion', 'inspection'],
    serial: 'MB0123451',
    powers: [
      item('SCJG-CF-001', '对未取得食品生产经营许可从事食品生产经营活动的行政处罚', 'penalty', [['中华人民共和国食品安全法', '第一百二十二条']], '立案之日起九十日内作出决定', { discretionStandard: '《青山县市场监督管理局行政处罚裁量基准》食品类第1项' }),
      item('SCJG-CF-002', '对生产经营不符合食品安全标准的食品的行政处罚', 'penalty', [['中华人民共和国食品安全法', '第一百二十四条']], '立案之日起九十日内作出决定', { discretionStandard: '《青山县市场监督管理局行政处罚裁量基准》食品类第3项' }),
      item('SCJG-CF-003', '对价格违法行为的行政处罚', 'penalty', [['中华人民共和国价格法', '第三十九条'], ['价格违法行为行政处罚规定', '第七条']], '立案之日起九十日内作出决定'),
      item('SCJG-XK-001', '食品经营许可', 'license', [['中华人民共和国食品安全法', '第三十五条'], ['食品经营许可和备案管理办法', '第六条']], '受理之日起十个工作日内', { procedure: '申请—受理—审查—决定—送达' }),
      item('SCJG-QZ-001', '查封、扣押不符合食品安全标准的食品', 'coercion', [['中华人民共和国食品安全法', '第一百一十条'], ['中华人民共和国行政强制法', '第九条']], '查封扣押期限不超过三十日', { procedure: '报批—通知当事人到场—告知—制作现场笔录和清单—全程音像记录' }),
      item('SCJG-JC-001', '对食品生产经营者的监督检查', 'inspection', [['中华人民共和国食品安全法', '第一百一十条']], '按年度检查计划', { procedure: '双随机抽取—出示执法证件—检查—制作检查笔录—公示结果' }),
    ],
    officers: [
      { name: '张伟', post: '执法稽查科科员', user: 'officer', areas: ['食品安全', '价格监督'] },
      { name: '刘洋', post: '执法稽查科科员', user: 'officer2', areas: ['食品安全'] },
      { name: '陈晓燕', post: '法制审核员', user: 'reviewer', areas: ['法制审核'], legal: true },
      { name: '马丽', post: '食品安全监管科副科长', areas: ['食品安全'], expiry: 'soon' },
      { name: '赵刚', post: '价格监督科科员', areas: ['价格监督'], expiry: 'expired' },
    ],
  },
  QS_ZHZF: {
    legalBasis: '《中华人民共和国城乡规划法》《城市市容和环境卫生管理条例》《城市道路管理条例》《山西省城市管理综合行政执法条例》',
    categories: ['penalty', 'coercion', 'inspection'],
    serial: 'MB0234562',
    powers: [
      item('ZHZF-CF-001', '对未取得建设工程规划许可证进行建设的行政处罚', 'penalty', [['中华人民共和国城乡规划法', '第六十四条']], '立案之日起九十日内作出决定'),
      item('ZHZF-CF-002', '对擅自占用城市道路的行政处罚', 'penalty', [['城市道路管理条例', '第四十二条']], '立案之日起九十日内作出决定'),
      item('ZHZF-CF-003', '对随意倾倒、抛撒、堆放生活垃圾的行政处罚', 'penalty', [['中华人民共和国固体废物污染环境防治法', '第一百一十一条']], '立案之日起九十日内作出决定'),
      item('ZHZF-QZ-001', '强制拆除违法建筑物、构筑物', 'coercion', [['中华人民共和国城乡规划法', '第六十八条'], ['中华人民共和国行政强制法', '第四十四条']], '公告期满后实施', { procedure: '催告—陈述申辩—决定—公告—强制执行—全程音像记录' }),
    ],
    officers: [
      { name: '周磊', post: '执法一中队队员', user: 'officer_b', areas: ['市容环境', '违法建设'] },
      { name: '吴敏', post: '执法一中队副中队长', areas: ['市容环境'] },
      { name: '郑浩', post: '执法二中队队员', areas: ['违法建设'] },
      { name: '黄涛', post: '执法二中队队员', areas: ['市容环境'], expiry: 'expired' },
    ],
  },
  QS_JTYS: {
    legalBasis: '《中华人民共和国道路运输条例》《公路安全保护条例》《中华人民共和国公路法》',
    categories: ['license', 'penalty', 'inspection'],
    serial: 'MB0345673',
    powers: [
      item('JTYS-XK-001', '道路旅客运输经营许可', 'license', [['中华人民共和国道路运输条例', '第十条']], '受理之日起二十日内', { procedure: '申请—受理—审查—决定—送达' }),
      item('JTYS-CF-001', '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚', 'penalty', [['中华人民共和国道路运输条例', '第六十三条']], '立案之日起九十日内作出决定'),
      item('JTYS-CF-002', '对车辆超限使用汽车渡船或者在公路上擅自超限行驶的行政处罚', 'penalty', [['公路安全保护条例', '第六十四条']], '立案之日起九十日内作出决定'),
      item('JTYS-JC-001', '对道路运输经营者的监督检查', 'inspection', [['中华人民共和国道路运输条例', '第五十八条']], '按年度检查计划'),
    ],
    officers: [
      { name: '林峰', post: '运输执法大队队员', areas: ['道路运输'] },
      { name: '何静', post: '运输执法大队副大队长', areas: ['道路运输', '治超'], expiry: 'soon' },
      { name: '徐斌', post: '路政执法中队队员', areas: ['治超'] },
    ],
  },
};

export async function seedDemoEnforcement(): Promise<{ officers: number; powers: number }> {
  const today = chinaDate();
  let officers = 0;
  let powers = 0;
  let certificateSeq = 1;
  for (const [code, s] of Object.entries(subjects)) {
    const agency = await AgencyModel.findOne({ code });
    if (!agency) continue;
    if (agency.qualification?.status === 'pending' && agency.qualification.history.length === 0) {
      const first17 = `11141122${s.serial}`;
      const confirmedAt = new Date(`${addCalendarDays(today, -400)}T09:00:00+08:00`);
      agency.set({
        subjectType: 'administrative_organ',
        creditCode: first17 + creditCodeCheckChar(first17),
        legalBasis: s.legalBasis,
        categories: s.categories,
        qualification: {
          status: 'announced',
          confirmationBasis: '青山县人民政府关于确认行政执法主体资格的决定（青政发〔2025〕3号）',
          confirmedAt,
          publicationDate: addCalendarDays(today, -395),
          announcementRef: '青山县司法局公告〔2025〕1号',
          history: [
            { action: 'confirm', from: 'pending', to: 'confirmed', at: confirmedAt, byName: '演示数据', basis: '青政发〔2025〕3号' },
            { action: 'announce', from: 'confirmed', to: 'announced', at: confirmedAt, byName: '演示数据', publicationDate: addCalendarDays(today, -395), announcementRef: '青山县司法局公告〔2025〕1号' },
          ],
        },
      });
      await agency.save();
    }
    if (!(await PowerItemModel.exists({ agencyId: agency._id }))) {
      await PowerItemModel.insertMany(s.powers.map((p) => ({ ...p, agencyId: agency._id })));
      powers += s.powers.length;
    }
    if (await OfficerModel.exists({ agencyId: agency._id })) continue;
    for (const o of s.officers) {
      const user = o.user ? await UserModel.findOne({ usernameKey: o.user }) : null;
      const officer = await OfficerModel.create({
        name: o.name, agencyId: agency._id, post: o.post, areas: o.areas, userId: user?._id,
        legalQualification: Boolean(o.legal), legalQualificationNumber: o.legal ? 'A20181401220001' : undefined, status: 'active',
      });
      const expiryDate = o.expiry === 'soon' ? addCalendarDays(today, 12) : o.expiry === 'expired' ? addCalendarDays(today, -20) : addCalendarDays(today, 3 * 365);
      await CertificateModel.create({
        officerId: officer._id, agencyId: agency._id, number: `1411220${String(certificateSeq++).padStart(5, '0')}`,
        issuer: '青山县人民政府', issueDate: addCalendarDays(expiryDate, -5 * 365), expiryDate, status: 'valid', qrToken: randomBytes(24).toString('base64url'),
      });
      officers++;
    }
  }
  return { officers, powers };
}
