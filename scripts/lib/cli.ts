/**
 * What the CLI commands share: a clear one-line error and a non-zero exit instead of a stack
 * trace, options parsed strictly (a missing value or an unknown option is one line, exit 2;
 * `--help` prints the usage), and a progress line (rewritten in place on a terminal, one line per
 * step otherwise).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class CliError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses process.argv; prints `usage` and exits 0 on --help, exits 2 on bad options. */
export function parseCliArgs<T extends Options>(command: string, usage: string, options: T) {
	try {
		const parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
		if ((parsed.values as { help?: boolean }).help) {
			console.log(usage.trim());
			process.exit(0);
		}
		return parsed.values as ReturnType<typeof parseArgs<{ options: T }>>['values'];
	} catch (error) {
		console.error(`${command}: ${error instanceof Error ? error.message : String(error)}`);
		console.error(usage.trim());
		process.exit(2);
	}
}

export async function runCli(name: string, main: () => Promise<void> | void): Promise<void> {
	try {
		await main();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${name}: ${message}`);
		if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
		process.exitCode = 1;
	}
}

export function progressLine(label: string): (done: number, total: number) => void {
	let lastPrinted = 0;
	return (done, total) => {
		const now = performance.now();
		if (done < total && now - lastPrinted < 500) return;
		lastPrinted = now;
		const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
		const line = `${label}: ${done}/${total} (${percent}%)`;
		if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
		else console.error(line);
	};
}
