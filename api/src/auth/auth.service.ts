// Sign-in (登录): one answer for a wrong username and a wrong password, failures slowed down and
// locked out for a while, every attempt recorded in the audit log.
import { setTimeout as sleep } from 'node:timers/promises';
import { AgencyModel } from '../agencies/agency.model';
import { config } from '../config';
import { UserModel, type UserDocument } from '../users/user.model';
import { recordAudit } from '../platform/audit/audit.service';
import type { Actor, RequestContext } from '../platform/auth/actor';
import { actorOf } from '../platform/auth/authenticate';
import { dummyPasswordHash, verifyPassword } from '../platform/auth/passwords';
import { signAccessToken } from '../platform/auth/tokens';
import { AppError } from '../platform/errors';
import { LoginThrottleModel } from './login-throttle.model';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  agencyId: string;
  agencyName: string;
  agencyKind?: string;
  permissions: string[];
}

export async function sessionUser(actor: Actor): Promise<SessionUser> {
  const agency = await AgencyModel.findById(actor.agencyId);
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    agencyId: actor.agencyId,
    agencyName: agency?.name ?? '',
    ...(agency ? { agencyKind: agency.kind } : {}),
    permissions: actor.permissions,
  };
}

async function registerFailure(key: string): Promise<number> {
  const { maxFailures, lockMinutes } = config().login;
  const now = new Date();
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  // Failures older than the lock window are forgotten, and so are expired counters of any name,
  // so guessing random usernames does not grow the collection without bound.
  await LoginThrottleModel.updateOne({ key, lastFailureAt: { $lt: windowStart } }, { $set: { failures: 0 } });
  await LoginThrottleModel.deleteMany({ key: { $ne: key }, lastFailureAt: { $lt: windowStart }, $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: { $lt: now } }] });
  const throttle = await LoginThrottleModel.findOneAndUpdate(
    { key },
    { $inc: { failures: 1 }, $set: { lastFailureAt: now } },
    { upsert: true, returnDocument: 'after' },
  );
  if (throttle.failures >= maxFailures) {
    await LoginThrottleModel.updateOne({ key }, { $set: { lockedUntil: new Date(now.getTime() + lockMinutes * 60_000), failures: 0 } });
  }
  return throttle.failures;
}

export async function login(ctx: RequestContext, username: string, password: string) {
  const key = username.trim().toLowerCase();
  const throttle = await LoginThrottleModel.findOne({ key });
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    await recordAudit(ctx, { action: 'auth.login_locked', entity: 'session', actorName: key });
    const minutes = Math.max(1, Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60_000));
    throw new AppError(429, 'auth.locked', { minutes });
  }

  const user: UserDocument | null = await UserModel.findOne({ usernameKey: key });
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  const agency = user ? await AgencyModel.findById(user.agencyId) : null;
  if (!user || !passwordOk || !user.active || !agency?.active) {
    const failures = await registerFailure(key);
    await recordAudit(ctx, {
      action: 'auth.login_failed',
      entity: 'session',
      entityId: user?.id,
      agencyId: user ? String(user.agencyId) : undefined,
      actorName: key,
      note: !user ? 'unknown user' : !passwordOk ? 'wrong password' : 'account or agency inactive',
    });
    // Each further failure waits longer (up to 5 steps), which slows down guessing.
    await sleep(config().login.failureDelayMs * Math.min(failures, 5));
    throw new AppError(401, 'auth.bad_credentials');
  }

  await LoginThrottleModel.deleteOne({ key });
  const now = new Date();
  await UserModel.updateOne({ _id: user._id }, { $set: { lastLoginAt: now } }, { timestamps: false });
  const actor = actorOf(user);
  await recordAudit({ ...ctx, actor }, { action: 'auth.login', entity: 'session', entityId: user.id, agencyId: String(user.agencyId) });
  const { token, expiresIn } = signAccessToken(user.id, user.tokenVersion);
  return { token, expiresIn, user: await sessionUser(actor) };
}
