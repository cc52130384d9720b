import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { compressResponse, preferredEncoding } from '../../src/lib/server/compression';

const page = `<!doctype html><html lang="ja"><body>${'<li>旭地区 ほおっちょけん相談窓口 薬局</li>'.repeat(400)}</body></html>`;
const results = JSON.stringify({ total: 40, hits: Array.from({ length: 40 }, (_, i) => ({ id: `id-${i}`, name: `サロン ${i}`, field: '地域資源' })) });

function html(body = page, headers: Record<string, string> = {}): Response {
	return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

function json(body = results): Response {
	const bytes = new TextEncoder().encode(body);
	return new Response(bytes, { headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } });
}

/** A body streamed in pieces, with no length known up front (as SvelteKit streams pages). */
function streamed(text: string): Response {
	const bytes = new TextEncoder().encode(text);
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.slice(at, at + 4096));
			controller.close();
		}
	});
	return new Response(stream, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function bytesOf(response: Response): Promise<Buffer> {
	return Buffer.from(await response.arrayBuffer());
}

describe('response compression', () => {
	it('picks brotli, then gzip, and honours q=0', () => {
		expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(preferredEncoding('gzip, deflate')).toBe('gzip');
		expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
		expect(preferredEncoding('gzip;q=0.5, br;q=0.2')).toBe('gzip');
		expect(preferredEncoding('identity')).toBeNull();
		expect(preferredEncoding('*')).toBe('br');
		expect(preferredEncoding(null)).toBeNull();
	});

	it('sends HTML brotli-compressed, much smaller, and decodable to the same page', async () => {
		const response = await compressResponse(html(), 'br');
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
		const body = await bytesOf(response);
		expect(body.length).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(zlib.brotliDecompressSync(body).toString('utf8')).toBe(page);
	});

	it('sends JSON gzip-compressed with its new length', async () => {
		const response = await compressResponse(json(), 'gzip');
		expect(response.headers.get('content-encoding')).toBe('gzip');
		const body = await bytesOf(response);
		expect(response.headers.get('content-length')).toBe(String(body.length));
		expect(JSON.parse(zlib.gunzipSync(body).toString('utf8'))).toEqual(JSON.parse(results));
	});

	it('compresses a streamed page as it streams', async () => {
		const response = await compressResponse(streamed(page), 'br');
		expect(response.headers.get('content-length')).toBeNull();
		expect(zlib.brotliDecompressSync(await bytesOf(response)).toString('utf8')).toBe(page);
	});

	it('leaves alone what the client cannot read, tiny answers, images and already encoded bodies', async () => {
		const plain = await compressResponse(html(), null);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect((await bytesOf(plain)).toString('utf8')).toBe(page);
		expect((await compressResponse(json('{"total":0}'), 'br')).headers.get('content-encoding')).toBeNull();
		const png = new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } });
		expect((await compressResponse(png, 'br')).headers.get('content-encoding')).toBeNull();
		const encoded = html(page, { 'content-encoding': 'gzip' });
		expect((await compressResponse(encoded, 'br')).headers.get('content-encoding')).toBe('gzip');
	});
});
