/**
 * Response compression for what SvelteKit renders (HTML pages, JSON, GeoJSON, CSV …): brotli when
 * the browser accepts it, else gzip. Built assets are precompressed by adapter-node and served by
 * its static handler, so they never reach this hook.
 *
 * Brotli runs at quality 4: at the default (11) a 40 KB page costs tens of milliseconds, at 4 about
 * as much as gzip while still smaller. Compression runs on libuv's thread pool (async zlib), so it
 * uses the second core rather than the event loop.
 */
import type { Handle } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

/** Smaller bodies gain nothing worth a compression pass (headers alone are ~300 bytes). */
const MIN_BYTES = 1024;
/** Larger bodies with a known length are streamed instead of buffered. */
const MAX_BUFFERED_BYTES = 1 << 20;
const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|geo\+json|ld\+json|xml|javascript|manifest\+json)\b|image\/svg\+xml\b)/i;
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 6;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to answer with for an Accept-Encoding header: br, then gzip; none when refused (q=0). */
export function preferredEncoding(acceptEncoding: string | null): ContentEncoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? (weights.has('*') ? weights.get('*')! : 0);
	if (weightOf('br') > 0 && weightOf('br') >= weightOf('gzip')) return 'br';
	if (weightOf('gzip') > 0) return 'gzip';
	return null;
}

function isCompressibleType(response: Response): boolean {
	return COMPRESSIBLE_TYPE.test(response.headers.get('content-type') ?? '');
}

function brotliOptions(sizeHint: number): zlib.BrotliOptions {
	return {
		params: {
			[zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
			[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
			...(sizeHint > 0 ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {})
		}
	};
}

/** A compressor that flushes after every chunk, so streamed pages still arrive piece by piece. */
function streamingCompressor(encoding: ContentEncoding): zlib.BrotliCompress | zlib.Gzip {
	return encoding === 'br'
		? zlib.createBrotliCompress({ ...brotliOptions(0), flush: zlib.constants.BROTLI_OPERATION_FLUSH })
		: zlib.createGzip({ level: GZIP_LEVEL, flush: zlib.constants.Z_SYNC_FLUSH });
}

/** The response compressed with `encoding`, or as it is when compressing would not help. */
export async function compressResponse(response: Response, encoding: ContentEncoding | null): Promise<Response> {
	if (!response.body || !isCompressibleType(response)) return response;
	const headers = new Headers(response.headers);
	// Caches must keep the compressed and the plain answer apart.
	headers.append('vary', 'Accept-Encoding');
	const declaredLength = Number(response.headers.get('content-length') ?? NaN);
	const untouchable =
		!encoding ||
		response.headers.has('content-encoding') ||
		/\bno-transform\b/i.test(response.headers.get('cache-control') ?? '') ||
		response.status === 204 ||
		response.status === 206 ||
		response.status === 304 ||
		declaredLength < MIN_BYTES;
	const init = { status: response.status, statusText: response.statusText, headers };
	if (untouchable) return new Response(response.body, init);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	if (declaredLength <= MAX_BUFFERED_BYTES) {
		const plain = Buffer.from(await response.arrayBuffer());
		const packed = encoding === 'br' ? await brotli(plain, brotliOptions(plain.length)) : await gzip(plain, { level: GZIP_LEVEL });
		headers.set('content-length', String(packed.length));
		return new Response(new Uint8Array(packed.buffer, packed.byteOffset, packed.length), init);
	}
	const compressed = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(streamingCompressor(encoding));
	return new Response(Readable.toWeb(compressed) as ReadableStream<Uint8Array>, init);
}

/** The hook: compresses HTML, JSON and other text answers for clients that accept it. */
export const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	return compressResponse(response, preferredEncoding(event.request.headers.get('accept-encoding')));
};
