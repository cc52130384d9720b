/**
 * Creates an account from the command line: the first admin, or (for set-up and tests) curators
 * and organisation editors. The password is read from standard input or asked for; there is no
 * default password anywhere.
 *   npm run admin:create -- --email a@example.jp --name 管理者
 *   echo "$PASSWORD" | npm run admin:create -- --email c@example.jp --name 社協 --role curator
 *   … --role org_editor --org <organization id> [--org <another id>]
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { createUser, UserInputError } from '../src/lib/server/auth/users';
import { isRole } from '../src/lib/server/auth/types';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function options(name: string): string[] {
	return process.argv.flatMap((arg, i) => (arg === `--${name}` && process.argv[i + 1] ? [process.argv[i + 1]] : []));
}

async function readPiped(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks twice without echoing what is typed. */
async function prompt(): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk, _encoding, done) {
			if (!muted) process.stdout.write(chunk);
			done();
		}
	});
	const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
	const ask = (question: string) =>
		new Promise<string>((resolve) => {
			process.stdout.write(question);
			muted = true;
			rl.question('', (answer) => {
				muted = false;
				process.stdout.write('\n');
				resolve(answer);
			});
		});
	try {
		const first = await ask('パスワード（12文字以上）: ');
		const second = await ask('もう一度: ');
		if (first !== second) throw new UserInputError({ password: '2回入力したパスワードが違います。' });
		return first;
	} finally {
		rl.close();
	}
}

const email = option('email');
const displayName = option('name');
const role = option('role') ?? 'admin';
if (!email || !displayName || !isRole(role)) {
	console.error('使い方: npm run admin:create -- --email a@example.jp --name 管理者 [--role admin|curator|org_editor|desk] [--org 団体ID]');
	process.exit(2);
}

const config = loadConfig();
const db = openDatabase(config.databasePath, { migrationsDir: config.migrationsDir });
try {
	const password = process.stdin.isTTY ? await prompt() : await readPiped();
	const id = await createUser(db, { email, displayName, password, role, organizationIds: options('org') }, null);
	console.log(`アカウントを作りました: ${email}（${role}） id=${id}`);
} catch (error) {
	if (error instanceof UserInputError) {
		for (const message of Object.values(error.errors)) console.error(`エラー: ${message}`);
		process.exitCode = 1;
	} else {
		throw error;
	}
} finally {
	db.$client.close();
}
