import { describe, expect, it } from 'vitest';
import { allowTileHost, applySecurityHeaders, tileOrigin } from '../../src/lib/server/security-headers';

const CSP = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; script-src 'self' 'nonce-abc'";

describe('security headers', () => {
	it('allows the configured tile host for images and fetches, nothing else', () => {
		const csp = allowTileHost(CSP, 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png');
		expect(csp).toContain("img-src 'self' data: blob: https://cyberjapandata.gsi.go.jp;");
		expect(csp).toContain("connect-src 'self' https://cyberjapandata.gsi.go.jp;");
		expect(csp).toContain("script-src 'self' 'nonce-abc'");
		expect(csp).not.toMatch(/script-src[^;]*gsi/);
	});

	it('adds nothing without tiles or for a URL that is not http(s)', () => {
		expect(allowTileHost(CSP, '')).toBe(CSP);
		expect(tileOrigin('javascript:alert(1)')).toBeNull();
		expect(tileOrigin('not a url')).toBeNull();
	});

	it('sends HSTS over https only, and keeps headers a route set', () => {
		const https = new Headers({ 'content-security-policy': CSP, 'x-frame-options': 'SAMEORIGIN' });
		applySecurityHeaders(https, { https: true, tileUrl: '' });
		expect(https.get('strict-transport-security')).toMatch(/max-age=31536000/);
		expect(https.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(https.get('permissions-policy')).toContain('camera=()');
		const http = new Headers();
		applySecurityHeaders(http, { https: false, tileUrl: '' });
		expect(http.get('strict-transport-security')).toBeNull();
	});
});
