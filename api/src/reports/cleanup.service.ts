// Clean-up report (清理核查, DOMAIN.md §2): accounts with no lawful basis, officers without a valid
// certificate, certificates about to expire. Open cases with such officers join when cases exist.
import ExcelJS from 'exceljs';
import { AgencyModel } from '../agencies/agency.model';
import { certificateState, type CertificateState } from '../certificates/certificate-validity';
import { CertificateModel } from '../certificates/certificate.model';
import { config } from '../config';
import { OfficerModel } from '../officers/officer.model';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, isInScope } from '../platform/auth/agency-scope';
import { addCalendarDays, calendarDaysBetween, chinaDate } from '../platform/calendar/dates';
import { AppError } from '../platform/errors';
import { UserModel } from '../users/user.model';

export interface CleanupReport {
  generatedAt: string;
  today: string;
  expiryWarningDays: number;
  accountsWithoutBasis: Array<{ userId: string; username: string; displayName: string; agencyId: string; agencyName: string; reason: 'no_officer_record' | 'officer_inactive' }>;
  officersWithoutValidCertificate: Array<{ officerId: string; name: string; agencyId: string; agencyName: string; certificates: Array<{ id: string; number: string; state: CertificateState; expiryDate: string }> }>;
  certificatesExpiringSoon: Array<{ certificateId: string; number: string; officerId: string; officerName: string; agencyId: string; agencyName: string; expiryDate: string; daysLeft: number }>;
}

export async function cleanupReport(ctx: RequestContext, options: { agencyId?: string; days?: number }): Promise<CleanupReport> {
  const actor = ctx.actor!;
  if (options.agencyId && !isInScope(actor, options.agencyId)) throw new AppError(403, 'users.other_agency');
  const scope = options.agencyId ? { agencyId: options.agencyId } : agencyScope(actor);
  const days = options.days ?? config().certificateExpiryWarningDays;
  const today = chinaDate();
  const agencies = new Map((await AgencyModel.find(options.agencyId ? { _id: options.agencyId } : agencyScope(actor, '_id'))).map((a) => [a.id as string, a]));
  const agencyName = (id: unknown) => agencies.get(String(id))?.name ?? '';

  const officers = await OfficerModel.find(scope);
  const activeOfficerByUser = new Map(officers.filter((o) => o.userId && o.status === 'active').map((o) => [String(o.userId), o]));
  const anyOfficerByUser = new Map(officers.filter((o) => o.userId).map((o) => [String(o.userId), o]));

  // Officer accounts act in enforcement; without an active officer record they have no lawful basis.
  const users = await UserModel.find({ ...scope, roles: 'officer', active: true }).sort({ username: 1 });
  const accountsWithoutBasis = users
    .filter((u) => !activeOfficerByUser.has(u.id))
    .map((u) => ({
      userId: u.id as string, username: u.username, displayName: u.displayName, agencyId: String(u.agencyId), agencyName: agencyName(u.agencyId),
      reason: anyOfficerByUser.has(u.id) ? ('officer_inactive' as const) : ('no_officer_record' as const),
    }));

  const certificates = await CertificateModel.find({ officerId: { $in: officers.map((o) => o._id) } }).sort({ expiryDate: 1 });
  const officerById = new Map(officers.map((o) => [o.id as string, o]));
  const stateOf = (c: (typeof certificates)[number]) =>
    certificateState({ certificate: c, officer: officerById.get(String(c.officerId)) ?? null, agency: agencies.get(String(c.agencyId)) ?? null, today });

  const officersWithoutValidCertificate = officers
    .filter((o) => o.status === 'active')
    .map((o) => {
      const own = certificates.filter((c) => String(c.officerId) === o.id && c.status !== 'replaced');
      return { o, own, valid: own.some((c) => stateOf(c) === 'valid') };
    })
    .filter((x) => !x.valid)
    .map(({ o, own }) => ({
      officerId: o.id as string, name: o.name, agencyId: String(o.agencyId), agencyName: agencyName(o.agencyId),
      certificates: own.map((c) => ({ id: c.id as string, number: c.number, state: stateOf(c), expiryDate: c.expiryDate })),
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh') || a.name.localeCompare(b.name, 'zh'));

  const horizon = addCalendarDays(today, days);
  const certificatesExpiringSoon = certificates
    .filter((c) => stateOf(c) === 'valid' && c.expiryDate <= horizon)
    .map((c) => ({
      certificateId: c.id as string, number: c.number, officerId: String(c.officerId), officerName: officerById.get(String(c.officerId))?.name ?? '',
      agencyId: String(c.agencyId), agencyName: agencyName(c.agencyId), expiryDate: c.expiryDate, daysLeft: calendarDaysBetween(today, c.expiryDate),
    }));

  return { generatedAt: new Date().toISOString(), today, expiryWarningDays: days, accountsWithoutBasis, officersWithoutValidCertificate, certificatesExpiringSoon };
}

const STATE_LABELS: Record<string, string> = {
  valid: '有效', not_yet_valid: '未到生效日期', expired: '已过期', revoked: '已注销', replaced: '已换发', officer_inactive: '人员非在岗', agency_not_announced: '主体未公告',
};

export async function cleanupReportWorkbook(report: CleanupReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const addSheet = (name: string, columns: Array<[string, string, number]>, rows: Array<Record<string, unknown>>) => {
    const sheet = wb.addWorksheet(name);
    sheet.columns = columns.map(([header, key, width]) => ({ header, key, width }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.addRows(rows);
  };
  addSheet('无执法资格依据的账号', [['用户名', 'username', 18], ['姓名', 'displayName', 14], ['所属机关', 'agencyName', 28], ['原因', 'reason', 24]],
    report.accountsWithoutBasis.map((a) => ({ ...a, reason: a.reason === 'no_officer_record' ? '无执法人员记录' : '执法人员非在岗' })));
  addSheet('无有效执法证的人员', [['姓名', 'name', 14], ['所属机关', 'agencyName', 28], ['执法证', 'certificates', 60]],
    report.officersWithoutValidCertificate.map((o) => ({ ...o, certificates: o.certificates.length ? o.certificates.map((c) => `${c.number}（${STATE_LABELS[c.state] ?? c.state}，有效期至 ${c.expiryDate}）`).join('；') : '未持证' })));
  addSheet(`${report.expiryWarningDays}日内到期的执法证`, [['证号', 'number', 20], ['姓名', 'officerName', 14], ['所属机关', 'agencyName', 28], ['有效期至', 'expiryDate', 14], ['剩余天数', 'daysLeft', 10]],
    report.certificatesExpiringSoon);
  const info = wb.addWorksheet('说明');
  info.addRows([['生成时间', report.generatedAt], ['统计日期', report.today], ['到期预警天数', report.expiryWarningDays]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
