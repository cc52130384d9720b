/**
 * Online backup of the database into data/backups/ (or --out DIR), safe while the site serves.
 *   npm run db:backup [-- --out /mnt/backups]
 * Restoring is described in README.md (Admin area → Backups).
 */
import path from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { backupDatabase } from '../src/lib/server/admin/backup';
import { parseCliArgs, runCli } from './lib/cli';

const USAGE = `
usage: npm run db:backup [-- --out DIR]
  --out DIR   where to write the backup (default data/backups); created when missing
`;

const values = parseCliArgs('db:backup', USAGE, { out: { type: 'string', default: 'data/backups' } });

await runCli('db:backup', async () => {
	const result = await backupDatabase(loadConfig().databasePath, path.resolve(values.out!));
	console.log(`backup: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ${result.integrity}, ${result.milliseconds} ms)`);
});
