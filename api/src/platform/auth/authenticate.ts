import type { RequestHandler } from 'express';
import { AgencyModel } from '../../agencies/agency.model';
import { UserModel } from '../../users/user.model';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { permissionsOf, type Permission, type Role } from './permissions';
import { verifyAccessToken } from './tokens';

/**
 * Verifies the bearer token and loads the user on every request, so that a disabled account or agency,
 * a changed password or changed roles take effect at once.
 */
export const authenticate: RequestHandler = async (req, _res, next) => {
  const header = req.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new AppError(401, 'auth.required');
  const claims = verifyAccessToken(m[1]);
  if (!claims) throw new AppError(401, 'auth.invalid_token');
  const user = await UserModel.findById(claims.sub);
  if (!user || !user.active || user.tokenVersion !== claims.ver) throw new AppError(401, 'auth.invalid_token');
  // The same rule as sign-in: users of a deactivated agency lose access at once, not when their token expires.
  if (!(await AgencyModel.exists({ _id: user.agencyId, active: true }))) throw new AppError(401, 'auth.invalid_token');
  req.actor = actorOf(user);
  next();
};

export function actorOf(user: { id: string; username: string; displayName: string; roles: string[]; agencyId: unknown }): Actor {
  const roles = user.roles as Role[];
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    agencyId: String(user.agencyId),
    permissions: permissionsOf(roles),
  };
}

export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    if (!req.actor?.permissions.includes(permission)) throw new AppError(403, 'auth.forbidden');
    next();
  };
}
