import path from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { EmbeddedSearchEngine } from '../src/lib/server/search/embedded';
import { SearchService } from '../src/lib/server/search/service';
import { parseSearchParams } from '../src/lib/domain/search';
import fs from 'node:fs';
fs.copyFileSync('/tmp/h8q/sample.db', '/tmp/h8q/probe.db');
const db = openDatabase('/tmp/h8q/probe.db', { migrationsDir: path.resolve('drizzle') });
const e = new EmbeddedSearchEngine(db);
const s = new SearchService(db, e, e, () => {});
for (const line of process.argv.slice(2)) {
  const p = parseSearchParams(new URLSearchParams(line.includes('=') ? line : 'q=' + line));
  if (!p.ok) { console.log('bad', line); continue; }
  const plan = s.planner.plan(p.query.q);
  const r = await s.search({ ...p.query, perPage: 10 });
  console.log(`\n# ${line}  total=${r.result.total}  plan=${JSON.stringify(plan?.levels.slice(0,3))}`);
  for (const h of r.result.hits.slice(0, 6)) console.log('  ', h.name, h.terms?.join(','));
}
