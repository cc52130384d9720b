/**
 * Random and hostile request paths for the fuzz run (scripts/fuzz.ts) and its short version in
 * the e2e suite: broken percent-encoding, control characters, NUL, huge and negative numbers,
 * FTS5 syntax, SQL, HTML, path tricks, every search parameter with wrong types.
 */
import { pick } from './harness';

const HOSTILE = [
	'%00', '%0D%0A', '%', '%E3%81', '%FF%FE', '%C0%AF', "'", '"', '""', '\\', '*', 'NEAR(a b)', 'a OR b', 'a AND', '-a', '^', '(', ')', '{', '}', ':',
	"' OR 1=1 --", '; DROP TABLE services; --', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)',
	'../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f', '//evil.example', '\\\\evil.example', 'NaN', 'Infinity', '-Infinity', '1e309',
	'-1', '0', '99999999999999999999', '0x10', '１２３', '３３．５', 'true', 'false', 'null', 'undefined', '[]', '{}', '　', '\u200b', '\ufeff',
	'𠮷野家', '🍣', 'ｻﾛﾝ', 'ﾎﾞﾗﾝﾃｨｱ', '薬'.repeat(300), 'a'.repeat(2000)
];
const WORDS = ['サロン', '薬局', '旭', '相談', '百歳体操', 'やっきょく', '子ども食堂', '電球が切れた', 'asahi', 'salon'];
const PARAMS = ['q', 'field', 'term', 'area', 'target', 'desk', 'weekday', 'open_now', 'lat', 'lng', 'radius_km', 'sort', 'page', 'per_page'];
const PAGES = ['/api/search', '/search', '/areas', '/'];

function value(random: () => number): string {
	const roll = random();
	if (roll < 0.45) return pick(random, HOSTILE);
	if (roll < 0.6) return encodeURIComponent(pick(random, WORDS));
	if (roll < 0.8) return String(Math.round((random() - 0.5) * 10 ** Math.floor(random() * 12)));
	// Random bytes, percent-encoded (often invalid UTF-8).
	return Array.from({ length: 1 + Math.floor(random() * 12) }, () => '%' + Math.floor(random() * 256).toString(16).padStart(2, '0')).join('');
}

/** One random request path (with query). */
export function fuzzPath(random: () => number, listingIds: readonly string[]): string {
	const roll = random();
	if (roll < 0.1) return `/services/${random() < 0.5 && listingIds.length > 0 ? pick(random, listingIds) : value(random)}`;
	if (roll < 0.15) return `/areas/${value(random)}`;
	if (roll < 0.2) return `/admin/login?next=${value(random)}`;
	const count = 1 + Math.floor(random() * 5);
	const query = Array.from({ length: count }, () => `${random() < 0.9 ? pick(random, PARAMS) : value(random)}=${value(random)}`).join('&');
	return `${pick(random, PAGES)}?${query}`;
}
