// `npm run recordings:verify`: re-hashes every stored recorder file and compares it with the SHA-256
// taken at ingest; exits 1 naming each file that is missing or altered.
import { config } from '../api/src/config';
import { connectDatabase } from '../api/src/platform/database/connection';
import { verifyRecordingFiles } from '../api/src/recordings/recording.service';

async function main() {
  const db = await connectDatabase(config());
  try {
    const { checked, problems } = await verifyRecordingFiles();
    for (const p of problems) {
      console.error(`${p.problem.toUpperCase()}: recording ${p.id} (case ${p.caseId}) — expected sha256 ${p.expected}${p.actual ? `, found ${p.actual}` : ', file not found'}`);
    }
    if (problems.length) {
      console.error(`${problems.length} of ${checked} recordings failed the check.`);
      process.exitCode = 1;
    } else console.log(`All ${checked} recordings intact.`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
