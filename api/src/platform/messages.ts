// Every message a user can cause, in English and Chinese. The API answers in the language of the
// request's Accept-Language header (the console sends its current locale); English otherwise.
export type Lang = 'en' | 'zh';

const catalog = {
  'request.malformed_json': { en: 'The request body is not valid JSON', zh: '请求内容不是有效的 JSON' },
  'request.too_large': { en: 'The request body is too large (limit {limit})', zh: '请求内容过大（上限 {limit}）' },
  'request.invalid': { en: 'The request is invalid: {details}', zh: '请求不符合要求：{details}' },
  'request.forbidden_key': { en: 'Field names must not start with "$" or contain "."', zh: '字段名不能以“$”开头或包含“.”' },
  'request.bad_list_param': { en: 'Parameter "{param}" must be JSON: {expected}', zh: '参数“{param}”必须是 JSON：{expected}' },
  'request.bad_sort_field': { en: 'Cannot sort by "{field}"', zh: '不能按“{field}”排序' },
  'request.bad_filter_field': { en: 'Cannot filter by "{field}"', zh: '不能按“{field}”筛选' },
  'request.bad_filter_value': { en: 'Filter "{field}" has an invalid value', zh: '筛选条件“{field}”的值无效' },
  'route.not_found': { en: 'No such endpoint: {method} {path}', zh: '接口不存在：{method} {path}' },
  'record.not_found': { en: 'The {entity} does not exist or is not visible to you', zh: '{entity}不存在或您无权查看' },
  'record.invalid_id': { en: 'The {entity} id "{id}" is not valid', zh: '{entity}编号“{id}”无效' },
  'record.duplicate': { en: 'This {field} is already used by another {entity}', zh: '该{field}已被其他{entity}使用' },
  'auth.required': { en: 'Please sign in', zh: '请先登录' },
  'auth.invalid_token': { en: 'Your session has expired or is invalid; please sign in again', zh: '登录已过期或无效，请重新登录' },
  'auth.bad_credentials': { en: 'Wrong username or password', zh: '用户名或密码错误' },
  'auth.locked': { en: 'Too many failed sign-in attempts; try again in {minutes} minutes', zh: '登录失败次数过多，请 {minutes} 分钟后再试' },
  'auth.forbidden': { en: 'You do not have permission to do this', zh: '您没有执行此操作的权限' },
  'users.role_above_own': { en: 'You cannot grant the role "{role}", which is above your own', zh: '不能授予高于本人的角色“{role}”' },
  'users.role_needs_legal_office': { en: 'The role "{role}" belongs to the county legal office only', zh: '角色“{role}”只能授予司法局人员' },
  'users.role_needs_enforcement_agency': { en: 'The role "{role}" belongs to enforcement agencies only', zh: '角色“{role}”只能授予行政执法机关人员' },
  'users.other_agency': { en: 'You can only manage users of your own agency', zh: '只能管理本机关的用户' },
  'users.cannot_delete_self': { en: 'You cannot delete your own account', zh: '不能删除自己的账号' },
  'users.cannot_demote_self': { en: 'You cannot remove your own administrator role or deactivate yourself', zh: '不能取消自己的管理员角色或停用自己' },
  'users.password_too_short': { en: 'The password must be at least 8 characters long', zh: '密码长度至少为 8 位' },
  'users.password_too_weak': { en: 'The password must mix letters and digits', zh: '密码须同时包含字母和数字' },
  'agencies.in_use': { en: 'The agency still has {count} user(s); move or delete them first', zh: '该机关仍有 {count} 个用户，请先移除' },
  'agencies.inactive': { en: 'The agency "{name}" is inactive', zh: '机关“{name}”已停用' },
  'agencies.credit_code_format': { en: 'The unified social credit code must have 18 characters (digits and capital letters except I, O, S, V, Z)', zh: '统一社会信用代码应为 18 位（数字和除 I、O、S、V、Z 外的大写字母）' },
  'agencies.credit_code_check': { en: 'The unified social credit code is wrong: its check character does not match', zh: '统一社会信用代码有误：校验码不符' },
  'agencies.entrusting_organ_required': { en: 'An entrusted organisation must name its entrusting organ', zh: '受委托组织须填写委托机关' },
  'agencies.not_enforcement_subject': { en: '"{name}" is not an enforcement agency', zh: '“{name}”不是行政执法机关' },
  'agencies.qualification_transition': { en: 'Cannot {action} an enforcement subject whose status is {status}', zh: '执法主体当前状态为“{status}”，不能执行“{action}”' },
  'agencies.may_not_enforce': { en: '"{name}" has not been confirmed and announced as an enforcement subject, or is suspended', zh: '“{name}”尚未经确认并公告为执法主体，或已暂停' },
  'upload.missing': { en: 'Choose a file to upload', zh: '请选择要上传的文件' },
  'upload.bad_type': { en: 'This kind of file is not accepted (accepted: {types})', zh: '不支持该文件类型（支持：{types}）' },
  'upload.too_large': { en: 'The file is too large (limit {limit})', zh: '文件过大（上限 {limit}）' },
  'upload.invalid': { en: 'The upload is invalid: {details}', zh: '上传无效：{details}' },
  'officers.user_other_agency': { en: 'The linked account must belong to the officer’s agency', zh: '关联账号须属于该执法人员所在机关' },
  'officers.user_already_linked': { en: 'This account is already linked to another officer', zh: '该账号已关联其他执法人员' },
  'officers.transferred_readonly': { en: 'This officer record was closed by a transfer; edit the record in the new agency', zh: '该执法人员已调出，此记录不可修改，请在调入机关的记录中操作' },
  'officers.use_transfer': { en: 'Use “transfer” to move an officer to another agency', zh: '调动执法人员请使用“调动”功能' },
  'officers.left_cannot_transfer': { en: 'An officer who has left cannot be transferred', zh: '已离职的执法人员不能调动' },
  'officers.same_agency': { en: 'The officer already belongs to this agency', zh: '执法人员已在该机关' },
  'certificates.dates': { en: 'The expiry date must be after the issue date', zh: '有效期截止日期须晚于发证日期' },
  'certificates.officer_inactive': { en: 'Certificates can only be issued to active officers', zh: '只能为在岗执法人员发证' },
  'certificates.closed': { en: 'This certificate has been revoked or replaced and can no longer change', zh: '该执法证已注销或已换发，不能再修改' },
  'powers.import_unreadable': { en: 'The file is not a readable Excel workbook (.xlsx)', zh: '文件不是可读取的 Excel 工作簿（.xlsx）' },
  'powers.import_columns': { en: 'The first row lacks the required columns: {columns}', zh: '第一行缺少必需的列：{columns}' },
  'powers.import_rows': { en: '{count} row(s) have errors; nothing was imported', zh: '有 {count} 行存在错误，未导入任何数据' },
  'powers.import_empty': { en: 'The workbook has no items below the header row', zh: '表格中标题行以下没有事项' },
  'powers.import_too_many': { en: 'At most {max} items can be imported at once', zh: '一次最多导入 {max} 个事项' },
  'public.rate_limited': { en: 'Too many requests; please wait a minute', zh: '访问过于频繁，请稍后再试' },
  'concurrency.stale': { en: 'Someone else changed this record; reload it and try again', zh: '记录已被他人修改，请刷新后重试' },
  'server.error': { en: 'Internal error; the incident was logged with request id {requestId}', zh: '系统内部错误，已记录（请求编号 {requestId}）' },
  'server.unavailable': { en: 'The service is temporarily unavailable', zh: '服务暂时不可用' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof catalog;

// Domain terms that appear as message parameters, shown in the reader's language.
const terms: Record<string, Record<Lang, string>> = {
  agency: { en: 'agency', zh: '机关' },
  user: { en: 'user', zh: '用户' },
  record: { en: 'record', zh: '记录' },
  officer: { en: 'officer', zh: '执法人员' },
  reviewer: { en: 'legal reviewer', zh: '法制审核人员' },
  dept_head: { en: 'head of department', zh: '机关负责人' },
  inspector: { en: 'case-file inspector', zh: '评查人员' },
  agency_admin: { en: 'agency administrator', zh: '执法机关管理员' },
  supervisor: { en: 'legal office supervisor', zh: '司法局监督人员' },
  certificate: { en: 'certificate', zh: '执法证' },
  code: { en: 'code', zh: '编码' },
  username: { en: 'username', zh: '用户名' },
  number: { en: 'number', zh: '证号' },
  power: { en: 'power-list item', zh: '权责清单事项' },
  pending: { en: 'pending', zh: '待确认' },
  confirmed: { en: 'confirmed', zh: '已确认' },
  announced: { en: 'announced', zh: '已公告' },
  suspended: { en: 'suspended', zh: '已暂停' },
  revoked: { en: 'revoked', zh: '已撤销' },
  confirm: { en: 'confirm', zh: '确认' },
  announce: { en: 'announce', zh: '公告' },
  suspend: { en: 'suspend', zh: '暂停' },
  reinstate: { en: 'reinstate', zh: '恢复' },
  revoke: { en: 'revoke', zh: '撤销' },
};

const TERM_PARAMS = new Set(['entity', 'role', 'status', 'action', 'field']);

export function term(value: string, lang: Lang): string {
  return terms[value]?.[lang] ?? value;
}

export function translate(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template: string = catalog[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return TERM_PARAMS.has(name) ? term(String(value), lang) : String(value);
  });
}
