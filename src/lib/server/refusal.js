/**
 * The one answer to a request refused before the app handles it: 411 and 413 from scripts/serve.js
 * (before the body is read), 429 and 503 from src/hooks.server.ts. A person gets one Japanese page;
 * the API (/api/, /admin/api/, /hsds/), callers asking for JSON and forms sent by use:enhance get
 * JSON with the message in Japanese and in English. Plain JavaScript: scripts/serve.js runs it
 * without Vite.
 */

/** Headings as the app's error page words them (error.headings in src/lib/domain/i18n/ja.ts). */
const HEADINGS = {
	411: '送信できませんでした',
	413: '送られた内容が大きすぎます',
	429: 'アクセスが集中しています',
	503: 'ただいま保存できません'
};

const API_PREFIXES = ['/api/', '/admin/api/', '/hsds/'];
/** The API roots themselves (/hsds answers with the HSDS API's own description). */
const isApiPath = (/** @type {string} */ pathname) => API_PREFIXES.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1));

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @typedef {object} RefusedRequest
 * @property {string} pathname
 * @property {string} method
 * @property {(name: string) => string | string[] | null | undefined} header a request header by its lower-case name
 */

/**
 * @param {RefusedRequest} request
 * @param {number} status
 * @param {{ ja: string, en: string }} message
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function refusalAnswer(request, status, message) {
	const header = (/** @type {string} */ name) => [request.header(name) ?? ''].flat().join(',');
	const enhancedForm = header('x-sveltekit-action') === 'true';
	const wantsJson = enhancedForm || isApiPath(request.pathname) || header('accept').includes('application/json');
	const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
	if (wantsJson) {
		// use:enhance reads an ActionResult: type "error" shows the error page with the message.
		const error = { message: message.ja, message_en: message.en };
		return { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(enhancedForm ? { type: 'error', error } : { error }) };
	}
	const heading = escapeHtml(/** @type {Record<number, string>} */ (HEADINGS)[status] ?? '送信できませんでした');
	// A refused form post leads back to its page (the path a form posts to is its page's).
	const back = request.method === 'GET' || request.method === 'HEAD' ? '' : `<li><a href="${escapeHtml(request.pathname)}">入力のページに戻る</a></li>`;
	const body =
		'<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${heading}｜つなぎ</title></head><body><main><h1>${heading}</h1><p>${escapeHtml(message.ja)}</p><p lang="en">${escapeHtml(message.en)}</p>` +
		`<ul>${back}<li><a href="/">トップページへ</a></li></ul><p>エラー番号：${status}</p></main></body></html>`;
	return { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body };
}
