/**
 * refusalAnswer, the one refusal (413/411 from scripts/serve.js, 429/503 from the hooks): who gets
 * JSON (the API, JSON callers, use:enhance forms, which read an ActionResult) and that the page
 * escapes the path it links back to.
 */
import { describe, expect, it } from 'vitest';
import { refusalAnswer } from '../../src/lib/server/refusal.js';

const message = { ja: 'アクセスが集中しています。', en: 'Too many requests; retry later.' };
const request = (pathname: string, headers: Record<string, string | string[]> = {}, method = 'POST') => ({ pathname, method, header: (name: string) => headers[name] });

describe('refusalAnswer', () => {
	it('answers the API, the HSDS API and JSON callers with JSON in Japanese and English', () => {
		for (const refused of [request('/api/search', { accept: 'text/html' }, 'GET'), request('/hsds/services', {}, 'GET'), request('/hsds', {}, 'GET'), request('/api', {}, 'GET'), request('/admin/api/x'), request('/search', { accept: 'application/json' })]) {
			const answer = refusalAnswer(refused, 429, message);
			expect(answer.headers['content-type'], refused.pathname).toContain('application/json');
			expect(JSON.parse(answer.body)).toEqual({ error: { message: message.ja, message_en: message.en } });
		}
	});

	it('gives a use:enhance form an error ActionResult, and a plain form the Japanese page', () => {
		const enhanced = refusalAnswer(request('/services/a/suggest', { accept: 'application/json', 'x-sveltekit-action': 'true' }), 503, message);
		expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'error', error: { message: message.ja } });
		const page = refusalAnswer(request('/services/a/suggest', { accept: ['text/html', 'application/xhtml+xml'] }), 503, message);
		expect(page.headers['content-type']).toContain('text/html');
		expect(page.body).toContain('<h1>ただいま保存できません</h1>');
		expect(page.body).toContain('<a href="/services/a/suggest">入力のページに戻る</a>');
	});

	it('escapes the path it links back to', () => {
		const page = refusalAnswer(request('/services/"><script>x</script>/suggest', { accept: 'text/html' }), 413, message).body;
		expect(page).not.toContain('<script>');
		expect(page).toContain('&#34;&#62;&#60;script&#62;');
	});
});
