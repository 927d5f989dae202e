// Look-ups and helpers for the issue-3 API tests (enforcement subjects, officers, certificates,
// power lists, public portal): demo officers and certificates by name, files under UPLOADS_DIR.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Types } from 'mongoose';
import { CertificateModel } from '../../api/src/certificates/certificate.model';
import { config } from '../../api/src/config';
import { OfficerModel } from '../../api/src/officers/officer.model';

/** The officer record (active first) of a demo officer by name, e.g. 张伟. */
export async function officerNamed(name: string) {
  const officer = await OfficerModel.findOne({ name }).sort({ status: 1, createdAt: -1 });
  if (!officer) throw new Error(`no officer ${name}`);
  return officer;
}

/** The newest certificate of an officer record. */
export async function certificateOf(officerId: string | Types.ObjectId) {
  const certificate = await CertificateModel.findOne({ officerId: new Types.ObjectId(String(officerId)) }).sort({ createdAt: -1, _id: -1 });
  if (!certificate) throw new Error(`no certificate for officer ${String(officerId)}`);
  return certificate;
}

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const uploadsDir = () => config().uploadsDir;
export const incomingDir = () => join(uploadsDir(), '.incoming');

/** Every file below a directory, as paths relative to it (sorted). */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The upload middleware removes a request's temporary file when the response closes, which can be a
 * moment after the client has read the response: wait (up to 2 s) for the files below UPLOADS_DIR to
 * be exactly `expected`, then return them.
 */
export async function settledUploads(expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 2000;
  let files = filesBelow(uploadsDir());
  while (JSON.stringify(files) !== JSON.stringify([...expected].sort()) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    files = filesBelow(uploadsDir());
  }
  return files;
}

/** A well-formed QR token that no certificate has. */
export const UNKNOWN_TOKEN = 'Zz9'.repeat(10) + 'Zz';
