/**
 * A `node:http` keep-alive transport for the meilisearch client (its `httpClient` option).
 * Node's built-in fetch (undici) stalled ~40 ms on every Meilisearch answer over ~2 KB on our
 * machines; plain node:http with a keep-alive agent does not (see README.md, Search → Engines).
 */
import http from 'node:http';
import https from 'node:https';

/** An error answer from Meilisearch (4xx/5xx), with its error code ("index_not_found"). */
export class MeilisearchHttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string | null,
		message: string
	) {
		super(message);
		this.name = 'MeilisearchHttpError';
	}
}

export interface NodeHttpClientOptions {
	/** Per-request timeout (connect + answer), ms. */
	timeoutMs?: number;
	maxSockets?: number;
}

function headersToObject(headers: HeadersInit | undefined): Record<string, string> {
	if (!headers) return {};
	if (headers instanceof Headers) return Object.fromEntries(headers.entries());
	if (Array.isArray(headers)) return Object.fromEntries(headers);
	return { ...(headers as Record<string, string>) };
}

export type HttpClient = (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;

export function nodeHttpClient(options: NodeHttpClientOptions = {}): HttpClient {
	const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16 };
	const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
	const timeoutMs = options.timeoutMs ?? 5_000;

	return (input, init = {}) =>
		new Promise((resolveRequest, rejectRequest) => {
			const signal = init.signal;
			let abort: (() => void) | null = null;
			const settle = () => {
				if (abort) signal?.removeEventListener('abort', abort);
			};
			const resolve = (value: unknown) => {
				settle();
				resolveRequest(value);
			};
			const reject = (error: unknown) => {
				settle();
				rejectRequest(error);
			};
			const url = new URL(input instanceof Request ? input.url : input.toString());
			const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
			const headers = headersToObject(init.headers);
			if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
			const transport = url.protocol === 'https:' ? https : http;
			const request = transport.request(
				url,
				{ method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						let parsed: unknown = undefined;
						try {
							parsed = text === '' ? undefined : JSON.parse(text);
						} catch {
							parsed = text;
						}
						const status = response.statusCode ?? 0;
						if (status >= 400) {
							const details = (parsed ?? {}) as { code?: string; message?: string };
							reject(new MeilisearchHttpError(status, details.code ?? null, details.message ?? `HTTP ${status}`));
						} else resolve(parsed);
					});
				}
			);
			request.setTimeout(timeoutMs, () => request.destroy(new Error(`meilisearch: no answer within ${timeoutMs} ms`)));
			request.on('error', reject);
			if (signal) {
				// Reject with the abort reason itself, as fetch does: the client recognises its timeouts by it.
				abort = () => {
					request.destroy();
					reject(signal.reason ?? new Error('aborted'));
				};
				if (signal.aborted) abort();
				else signal.addEventListener('abort', abort, { once: true });
			}
			request.end(body);
		});
}

/** The Meilisearch error code behind a client error ("index_not_found"), if any. */
export function meilisearchErrorCode(error: unknown): string | null {
	let current: unknown = error;
	for (let depth = 0; current && depth < 4; depth++) {
		if (current instanceof MeilisearchHttpError) return current.code;
		const withCode = current as { cause?: unknown; cause_code?: string; code?: unknown };
		if (typeof withCode.code === 'string' && withCode.code.includes('_')) return withCode.code;
		current = withCode.cause;
	}
	return null;
}
