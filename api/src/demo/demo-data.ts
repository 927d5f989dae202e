// Demo data: a fictional county (青山县) with its legal office and three enforcement agencies, and
// one user per role, the enforcement subjects and a few hundred cases. Idempotent: creates what is
// missing, never overwrites what exists.
import { AgencyModel } from '../agencies/agency.model';
import { hashPassword } from '../platform/auth/passwords';
import type { Role } from '../platform/auth/permissions';
import { logger } from '../platform/logger';
import { UserModel } from '../users/user.model';
import { seedDemoCases } from './demo-cases';
import { seedDemoEnforcement } from './demo-enforcement';
import { seedDemoReviews } from './demo-reviews';

export const DEMO_COUNTY = '青山县';

export const demoAgencies = [
  { code: 'QS_SFJ', name: '青山县司法局', shortName: '县司法局', kind: 'legal_office', address: '青山县人民路 1 号', phone: '0352-6010001' },
  { code: 'QS_SCJG', name: '青山县市场监督管理局', shortName: '县市场监管局', kind: 'enforcement', address: '青山县建设路 18 号', phone: '0352-6010012' },
  { code: 'QS_ZHZF', name: '青山县综合行政执法局', shortName: '县综合执法局', kind: 'enforcement', address: '青山县迎宾街 26 号', phone: '0352-6010023' },
  { code: 'QS_JTYS', name: '青山县交通运输局', shortName: '县交通运输局', kind: 'enforcement', address: '青山县站前路 9 号', phone: '0352-6010034' },
] as const;

export const demoUsers: Array<{ username: string; displayName: string; roles: Role[]; agencyCode: string }> = [
  { username: 'supervisor', displayName: '李明华', roles: ['supervisor'], agencyCode: 'QS_SFJ' },
  { username: 'inspector', displayName: '赵静', roles: ['inspector'], agencyCode: 'QS_SFJ' },
  { username: 'agency_admin', displayName: '王建国', roles: ['agency_admin'], agencyCode: 'QS_SCJG' },
  { username: 'officer', displayName: '张伟', roles: ['officer'], agencyCode: 'QS_SCJG' },
  { username: 'officer2', displayName: '刘洋', roles: ['officer'], agencyCode: 'QS_SCJG' },
  { username: 'reviewer', displayName: '陈晓燕', roles: ['reviewer'], agencyCode: 'QS_SCJG' },
  { username: 'dept_head', displayName: '孙志强', roles: ['dept_head'], agencyCode: 'QS_SCJG' },
  { username: 'officer_b', displayName: '周磊', roles: ['officer'], agencyCode: 'QS_ZHZF' },
];

export async function seedDemoData(password: string, options: { cases?: boolean } = {}): Promise<{ agencies: number; users: number; officers: number; powers: number; cases: number; documents: number; auditEntries: number }> {
  let agencies = 0;
  let users = 0;
  const idByCode = new Map<string, import('mongoose').Types.ObjectId>();
  for (const a of demoAgencies) {
    const existing = await AgencyModel.findOne({ code: a.code });
    if (existing) {
      idByCode.set(a.code, existing._id);
      continue;
    }
    const created = await AgencyModel.create({ ...a, county: DEMO_COUNTY, active: true });
    idByCode.set(a.code, created._id);
    agencies++;
  }
  for (const u of demoUsers) {
    if (await UserModel.exists({ usernameKey: u.username.toLowerCase() })) continue;
    await UserModel.create({
      username: u.username,
      usernameKey: u.username.toLowerCase(),
      displayName: u.displayName,
      roles: u.roles,
      agencyId: idByCode.get(u.agencyCode),
      active: true,
      passwordHash: await hashPassword(password),
    });
    users++;
  }
  const enforcement = await seedDemoEnforcement();
  const started = Date.now();
  // Demo cases take a few seconds; API tests create the cases they need instead.
  const cases = options.cases === false ? { cases: 0, documents: 0, auditEntries: 0 } : await seedDemoCases();
  if (cases.cases) logger.info({ ...cases, ms: Date.now() - started }, 'demo cases created');
  const reviews = cases.cases ? await seedDemoReviews() : 0;
  if (reviews) logger.info({ reviews, ms: Date.now() - started }, 'demo legal reviews created');
  if (agencies || users || enforcement.officers || enforcement.powers) logger.info({ agencies, users, ...enforcement }, 'demo data created');
  return { agencies, users, ...enforcement, ...cases };
}

/** True when the database holds no agency yet (first start). */
export async function databaseIsEmpty(): Promise<boolean> {
  return (await AgencyModel.estimatedDocumentCount()) === 0 && (await AgencyModel.countDocuments()) === 0;
}
