/**
 * What the data CLI commands share: a clear one-line error and a non-zero exit instead of a stack
 * trace, and a progress line (rewritten in place on a terminal, one line per step otherwise).
 */
export class CliError extends Error {}

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
