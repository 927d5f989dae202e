// `npm run personal-data:rekey`: after a key rotation (new PERSONAL_DATA_KEY, the old one moved to
// PERSONAL_DATA_OLD_KEYS), re-encrypts every sealed personal-data value with the current key, so the
// old key can then be removed from the configuration. Safe to run again: values already sealed with
// the current key are left alone. Search hashes do not change (they use PERSONAL_DATA_HASH_KEY).
import { CaseModel } from '../api/src/cases/case.model';
import { config } from '../api/src/config';
import { recordAudit } from '../api/src/platform/audit/audit.service';
import { decryptPersonal, encryptPersonal, sealedWithOldKey } from '../api/src/platform/crypto/personal-data';
import { connectDatabase } from '../api/src/platform/database/connection';

const SEALED = ['idNumberSealed', 'phoneSealed', 'addressSealed'] as const;

export async function rekeyPersonalData(): Promise<{ cases: number; values: number }> {
  let cases = 0;
  let values = 0;
  for await (const c of CaseModel.find({}).cursor()) {
    let changed = 0;
    const parties = c.parties.map((p) => {
      const copy = { ...p.toObject() } as Record<string, unknown>;
      for (const f of SEALED) {
        const sealed = copy[f];
        if (typeof sealed === 'string' && sealedWithOldKey(sealed)) {
          copy[f] = encryptPersonal(decryptPersonal(sealed));
          changed++;
        }
      }
      return copy;
    });
    if (!changed) continue;
    // Conditional on the version read: a case changed meanwhile is picked up by the next run.
    const res = await CaseModel.updateOne({ _id: c._id, version: c.version }, { $set: { parties } }, { timestamps: false });
    if (res.modifiedCount) {
      cases++;
      values += changed;
    }
  }
  return { cases, values };
}

async function main() {
  const cfg = config();
  const db = await connectDatabase(cfg);
  try {
    const result = await rekeyPersonalData();
    await recordAudit({ requestId: 'personal-data-rekey', ip: 'local' }, {
      action: 'personal_data.rekey', entity: 'system', actorName: 'npm run personal-data:rekey',
      note: `${result.values} values in ${result.cases} cases re-encrypted with key ${cfg.personalDataKeys[0].id}`,
    });
    console.log(`Re-encrypted ${result.values} values in ${result.cases} cases with key ${cfg.personalDataKeys[0].id}. Run again until it reports 0, then remove the old key from PERSONAL_DATA_OLD_KEYS.`);
  } finally {
    await db.close();
  }
}

if (require.main === module) main().catch((err) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
