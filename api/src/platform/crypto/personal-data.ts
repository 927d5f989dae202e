// Personal data at rest (DOMAIN.md §3: ID numbers, phones and addresses are stored protected):
// AES-256-GCM with the current key, readable with older keys during a rotation; a keyed hash
// (HMAC-SHA256) makes exact search possible without the clear value; masks for every response.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { config } from '../../config';

const PREFIX = 'v1';

/** "v1:<keyId>:<iv>:<tag>:<ciphertext>", base64url parts. */
export function encryptPersonal(plain: string): string {
  const { id, key } = config().personalDataKeys[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [PREFIX, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export function decryptPersonal(sealed: string): string {
  const [prefix, keyId, iv, tag, data] = sealed.split(':');
  if (prefix !== PREFIX || !data) throw new Error('not an encrypted personal-data value');
  const entry = config().personalDataKeys.find((k) => k.id === keyId);
  if (!entry) throw new Error(`personal-data key ${keyId} is not configured (PERSONAL_DATA_KEY / PERSONAL_DATA_OLD_KEYS)`);
  const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Whether a sealed value was written with an older key (used by the re-key tool). */
export function sealedWithOldKey(sealed: string): boolean {
  return sealed.split(':')[1] !== config().personalDataKeys[0].id;
}

/** Keyed hash for exact-match search of an identifier (upper-cased first). */
export function personalHash(value: string): string {
  return createHmac('sha256', config().personalDataHashKey).update(value.trim().toUpperCase()).digest('base64url');
}

/** 110101199003077777 → 1101**********7777 */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678; landlines keep their last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** Keeps the first six characters (province, city, district) and hides the rest. */
export function maskAddress(address: string): string {
  return address.length <= 6 ? `${address.slice(0, 2)}****` : `${address.slice(0, 6)}****`;
}
