import { expect, test } from '@playwright/test';
import http from 'node:http';
import zlib from 'node:zlib';

/** A raw GET (no client-side decoding), so the test sees the bytes the server sent. */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
				response.on('error', reject);
			})
			.on('error', reject);
	});
}

test.describe('compressed answers', () => {
	test('the search page comes brotli-compressed to a browser, plain to a client without br/gzip', async ({ baseURL }) => {
		const url = `${baseURL}/search?q=${encodeURIComponent('サロン')}`;
		const packed = await rawGet(url, 'gzip, deflate, br');
		expect(packed.headers['content-encoding']).toBe('br');
		expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
		const html = zlib.brotliDecompressSync(packed.body).toString('utf8');
		expect(html).toContain('<html');
		expect(html).toContain('サロン');

		const plain = await rawGet(url, 'identity');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString('utf8')).toContain('<html');
		// What a user on a slow line notices: a much smaller download.
		expect(packed.body.length).toBeLessThan(plain.body.length / 3);
	});

	test('the search API answers gzip to a gzip-only client', async ({ baseURL }) => {
		const response = await rawGet(`${baseURL}/api/search?q=${encodeURIComponent('薬局')}&per_page=50`, 'gzip');
		expect(response.headers['content-encoding']).toBe('gzip');
		const body = JSON.parse(zlib.gunzipSync(response.body).toString('utf8')) as { total: number; hits: unknown[] };
		expect(body.total).toBeGreaterThan(0);
		expect(body.hits.length).toBeGreaterThan(0);
	});
});
