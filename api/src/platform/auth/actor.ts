import type { Permission, Role } from './permissions';

/** The signed-in user as the domain sees it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  agencyId: string;
  permissions: Permission[];
}

/** What a service needs to know about the request it serves (never `req` itself). */
export interface RequestContext {
  actor?: Actor;
  requestId: string;
  ip: string;
  userAgent?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
