// `npm run seed`: loads the demo data (idempotent; existing records are left as they are).
import { config } from '../api/src/config';
import { connectDatabase } from '../api/src/platform/database/connection';
import { seedDemoData } from '../api/src/demo/demo-data';

async function main() {
  const cfg = config();
  const db = await connectDatabase(cfg);
  try {
    const created = await seedDemoData(cfg.demoPassword);
    console.log(`Demo data: ${created.agencies} agencies, ${created.users} users, ${created.officers} officers, ${created.powers} power-list items, ${created.cases} cases (${created.documents} written records, ${created.auditEntries} audit entries) created (existing ones kept).`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
