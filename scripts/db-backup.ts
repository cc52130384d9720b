/**
 * Online backup of the database into data/backups/ (or --out DIR), safe while the site serves.
 *   npm run db:backup [-- --out /mnt/backups]
 * Restoring is described in README-admin.md.
 */
import path from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { backupDatabase } from '../src/lib/server/admin/backup';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 ? args[outIndex + 1] : 'data/backups');
const config = loadConfig();

try {
	const result = await backupDatabase(config.databasePath, outDir);
	console.log(`backup: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ${result.integrity}, ${result.milliseconds} ms)`);
} catch (error) {
	console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
