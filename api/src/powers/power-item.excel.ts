// Excel import and export of power lists (exceljs), so agencies can load the lists they keep today.
// An import is all or nothing: every row is checked first and any bad row is reported with its row
// number; the rows are then inserted as one batch, removed again if the insert fails part-way.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/audit.service';
import { AppError, type FieldError } from '../platform/errors';
import { toFieldErrors, validator } from '../platform/validation';
import { AgencyModel } from '../agencies/agency.model';
import { formatLegalBasis, parseLegalBasisText } from './legal-basis-text';
import { PowerItemModel } from './power-item.model';
import { powerListAgency } from './power-item.service';

export const CATEGORY_LABELS: Record<string, string> = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  levy: '行政征收',
  requisition: '行政征用',
  inspection: '行政检查',
  confirmation: '行政确认',
  other: '其他',
};
const CATEGORY_BY_LABEL = new Map(Object.entries(CATEGORY_LABELS).map(([code, label]) => [label, code]));

/** Columns: header text → field. The first four headers with * are required. */
export const COLUMNS = [
  { header: '事项编码', field: 'code', width: 16 },
  { header: '事项名称', field: 'name', width: 36, required: true },
  { header: '类别', field: 'category', width: 12, required: true },
  { header: '法律依据', field: 'legalBasis', width: 60, required: true },
  { header: '办理程序', field: 'procedure', width: 30 },
  { header: '法定时限', field: 'timeLimit', width: 20 },
  { header: '裁量基准', field: 'discretionStandard', width: 30 },
  { header: '救济途径', field: 'remedy', width: 36 },
] as const;

export const MAX_IMPORT_ROWS = 5000;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_TYPE = XLSX;

function cellText(cell: ExcelJS.Cell): string {
  return (cell.text ?? '').replace(/\r\n/g, '\n').trim();
}

function rowError(row: number, field: string, en: string, zh: string): [string, FieldError] {
  return [`rows.${row}.${field}`, { en: `Row ${row}: ${en}`, zh: `第 ${row} 行：${zh}` }];
}

export async function importPowers(ctx: RequestContext, filePath: string, agencyId: string | undefined) {
  const agency = await powerListAgency(ctx, agencyId);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch {
    throw new AppError(400, 'powers.import_unreadable', {}, { file: { key: 'powers.import_unreadable' } });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(400, 'powers.import_unreadable', {}, { file: { key: 'powers.import_unreadable' } });

  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => columnOf.set(cellText(cell).replace(/[*＊\s]/g, ''), col));
  const missing = COLUMNS.filter((c) => 'required' in c && c.required && !columnOf.has(c.header)).map((c) => c.header);
  if (missing.length) {
    throw new AppError(400, 'powers.import_columns', { columns: missing.join('、') }, { file: { key: 'powers.import_columns', params: { columns: missing.join('、') } } });
  }

  const check = validator('power-item-create');
  const errors: Record<string, FieldError> = {};
  const items: Array<Record<string, unknown>> = [];
  const codesInFile = new Map<string, number>();
  const existingCodes = new Set((await PowerItemModel.find({ agencyId: agency._id, code: { $exists: true } }, { code: 1 })).map((p) => p.code));

  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const raw: Record<string, string> = {};
    for (const c of COLUMNS) {
      const col = columnOf.get(c.header);
      raw[c.field] = col ? cellText(row.getCell(col)) : '';
    }
    if (Object.values(raw).every((v) => v === '')) continue;
    if (items.length >= MAX_IMPORT_ROWS) throw new AppError(400, 'powers.import_too_many', { max: MAX_IMPORT_ROWS });

    const item: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(raw)) if (value !== '' && field !== 'category' && field !== 'legalBasis') item[field] = value;
    if (raw.category) {
      const code = CATEGORY_BY_LABEL.get(raw.category) ?? (CATEGORY_LABELS[raw.category] ? raw.category : undefined);
      if (code) item.category = code;
      else Object.assign(errors, Object.fromEntries([rowError(r, 'category', `unknown category "${raw.category}"`, `类别“${raw.category}”无效，应为${Object.values(CATEGORY_LABELS).join('、')}之一`)]));
    }
    if (raw.legalBasis) {
      const bases = parseLegalBasisText(raw.legalBasis);
      if (bases.length) item.legalBasis = bases;
      else Object.assign(errors, Object.fromEntries([rowError(r, 'legalBasis', 'write each law in 《》 followed by its article', '请用《》标明法律法规名称，后接条款')]));
    }
    if (!check(item)) {
      for (const [field, fe] of Object.entries(toFieldErrors('row', check.errors ?? []))) {
        const key = `rows.${r}.${field.split('.')[0]}`;
        if (errors[key]) continue;
        errors[key] = 'en' in fe ? { en: `Row ${r}: ${field} ${fe.en}`, zh: `第 ${r} 行：${COLUMNS.find((c) => c.field === field.split('.')[0])?.header ?? field}${fe.zh}` } : fe;
      }
    }
    if (typeof item.code === 'string') {
      if (codesInFile.has(item.code)) Object.assign(errors, Object.fromEntries([rowError(r, 'code', `code ${item.code} repeats row ${codesInFile.get(item.code)}`, `事项编码 ${item.code} 与第 ${codesInFile.get(item.code)} 行重复`)]));
      else if (existingCodes.has(item.code)) Object.assign(errors, Object.fromEntries([rowError(r, 'code', `code ${item.code} already exists in this agency's list`, `事项编码 ${item.code} 已存在于本机关清单`)]));
      codesInFile.set(item.code, r);
    }
    items.push(item);
  }
  const badRows = new Set(Object.keys(errors).map((k) => k.split('.')[1]));
  if (badRows.size) throw new AppError(400, 'powers.import_rows', { count: badRows.size }, errors);
  if (!items.length) throw new AppError(400, 'powers.import_empty', {}, { file: { key: 'powers.import_empty' } });

  const batch = randomUUID();
  try {
    await PowerItemModel.insertMany(items.map((i) => ({ ...i, agencyId: agency._id, importBatch: batch })), { ordered: true });
  } catch (err) {
    // No multi-document transactions: undo the part that was written.
    await PowerItemModel.deleteMany({ importBatch: batch });
    throw err;
  }
  await recordAudit(ctx, { action: 'power.import', entity: 'power', agencyId: agency.id, note: `${items.length} items imported (batch ${batch})` });
  return { imported: items.length, agencyId: agency.id };
}

export async function exportPowers(ctx: RequestContext, agencyId: string | undefined): Promise<{ buffer: Buffer; filename: string }> {
  const agency = await powerListAgency(ctx, agencyId);
  const items = await PowerItemModel.find({ agencyId: agency._id }).sort({ category: 1, code: 1, name: 1 });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Enforcement three systems';
  const sheet = workbook.addWorksheet('权责清单');
  sheet.columns = COLUMNS.map((c) => ({ header: 'required' in c && c.required ? `${c.header}*` : c.header, key: c.field, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) {
    sheet.addRow({
      code: item.code ?? '',
      name: item.name,
      category: CATEGORY_LABELS[item.category] ?? item.category,
      legalBasis: formatLegalBasis(item.legalBasis),
      procedure: item.procedure ?? '',
      timeLimit: item.timeLimit ?? '',
      discretionStandard: item.discretionStandard ?? '',
      remedy: item.remedy ?? '',
    });
  }
  const categoryList = `"${Object.values(CATEGORY_LABELS).join(',')}"`;
  for (let r = 2; r <= Math.max(items.length + 1, 200); r++) {
    sheet.getCell(r, 3).dataValidation = { type: 'list', allowBlank: false, formulae: [categoryList] };
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 90 }];
  help.addRows([
    ['列', '说明'],
    ['事项编码', '可选；同一机关内不得重复'],
    ['事项名称*', '必填'],
    ['类别*', `必填，${Object.values(CATEGORY_LABELS).join('、')}之一`],
    ['法律依据*', '必填，每项依据用《》标明法律法规名称，后接条款，多项用“；”分隔，例如：《中华人民共和国食品安全法》第一百二十二条；《中华人民共和国行政处罚法》第二十八条'],
    ['其他列', '办理程序、法定时限、裁量基准、救济途径为可选'],
    ['导入规则', '任何一行有误时整个文件不导入，并逐行列出错误'],
  ]);
  help.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const today = new Date().toISOString().slice(0, 10);
  const name = (await AgencyModel.findById(agency._id))?.name ?? 'agency';
  return { buffer, filename: `${name}-权责清单-${today}.xlsx` };
}
