import jwt from 'jsonwebtoken';
import { config } from '../../config';

// The algorithm is pinned on both sides: a token signed otherwise (or "none") is refused.
const ALGORITHM = 'HS256' as const;
const ISSUER = 'enforcement-three-systems';

export interface TokenClaims {
  sub: string;
  /** Bumped when the password changes or the account is disabled; older tokens stop working. */
  ver: number;
}

export function signAccessToken(userId: string, tokenVersion: number): { token: string; expiresIn: number } {
  const { jwtSecret, jwtExpiresIn } = config();
  const token = jwt.sign({ ver: tokenVersion }, jwtSecret, { algorithm: ALGORITHM, subject: userId, expiresIn: jwtExpiresIn, issuer: ISSUER });
  return { token, expiresIn: jwtExpiresIn };
}

/** Returns the claims, or undefined for any invalid, expired or foreign token. */
export function verifyAccessToken(token: string): TokenClaims | undefined {
  try {
    const claims = jwt.verify(token, config().jwtSecret, { algorithms: [ALGORITHM], issuer: ISSUER }) as jwt.JwtPayload;
    // A subject that is not a record id would reach the user query as a cast error (400, not 401).
    if (typeof claims.sub !== 'string' || !/^[0-9a-f]{24}$/i.test(claims.sub) || typeof claims.ver !== 'number') return undefined;
    return { sub: claims.sub, ver: claims.ver };
  } catch {
    return undefined;
  }
}
