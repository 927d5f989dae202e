// `npm run audit:verify`: walks the audit log's hash chain; exits 1 naming the first entry that was
// altered, removed or reordered.
import { config } from '../api/src/config';
import { connectDatabase } from '../api/src/platform/database/connection';
import { verifyAuditChain } from '../api/src/platform/audit/audit.service';

async function main() {
  const db = await connectDatabase(config());
  try {
    const { checked, problem } = await verifyAuditChain();
    if (problem) {
      console.error(`Audit chain BROKEN at entry ${problem.seq}${problem.id ? ` (id ${problem.id})` : ''}: ${problem.problem} — ${problem.detail}. ${checked} entries before it are intact.`);
      process.exitCode = 1;
    } else {
      console.log(`Audit chain intact: ${checked} entries verified.`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
