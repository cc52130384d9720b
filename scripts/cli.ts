/**
 * What every command-line tool shares: options parsed strictly (a missing value or an unknown
 * option is a one-line error, `--help` prints the usage), and errors printed as one clear line
 * with a non-zero exit instead of a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class CliError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses process.argv; prints `usage` and exits 0 on --help, exits 2 on bad options. */
export function parseCliArgs<T extends Options>(command: string, usage: string, options: T) {
	try {
		const parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
		if (parsed.values.help) {
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

/** Runs the command; any error becomes `command: message` on stderr and exit code 1. */
export async function runCli(command: string, main: () => Promise<void> | void): Promise<void> {
	try {
		await main();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.error(`${command}: ${message}`);
		if (process.env.DEBUG && error instanceof Error && !(error instanceof CliError)) console.error(error.stack);
		process.exit(1);
	}
}
