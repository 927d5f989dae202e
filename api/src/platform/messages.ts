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
  'record.duplicate': { en: 'A {entity} with this {field} already exists', zh: '已存在相同{field}的{entity}' },
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
  'concurrency.stale': { en: 'Someone else changed this record; reload it and try again', zh: '记录已被他人修改，请刷新后重试' },
  'server.error': { en: 'Internal error; the incident was logged with request id {requestId}', zh: '系统内部错误，已记录（请求编号 {requestId}）' },
  'server.unavailable': { en: 'The service is temporarily unavailable', zh: '服务暂时不可用' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof catalog;

const entityNames: Record<string, Record<Lang, string>> = {
  agency: { en: 'agency', zh: '机关' },
  user: { en: 'user', zh: '用户' },
  record: { en: 'record', zh: '记录' },
};

export function entityName(entity: string, lang: Lang): string {
  return entityNames[entity]?.[lang] ?? entity;
}

export function translate(key: MessageKey, lang: Lang, params: Record<string, string | number> = {}): string {
  const template: string = catalog[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return name === 'entity' ? entityName(String(value), lang) : String(value);
  });
}
