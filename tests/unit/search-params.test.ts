import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchQueryToParams } from '../../src/lib/domain/search';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('search parameters', () => {
	it('accepts a full query and round-trips it into a shareable URL', () => {
		const parsed = parse('q=サロン&field=地域資源&area=旭&target=高齢者&desk=true&weekday=2&lat=33.57&lng=133.52&radius_km=2&sort=distance&page=2&per_page=50');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.query).toMatchObject({ q: 'サロン', field: '地域資源', area: '旭', desk: true, weekday: 2, radiusKm: 2, sort: 'distance', page: 2, perPage: 50 });
		expect(parseSearchParams(searchQueryToParams(parsed.query))).toEqual(parsed);
	});

	it('accepts 全角 digits typed on a phone', () => {
		const parsed = parse('weekday=２&page=３');
		expect(parsed.ok && parsed.query.weekday === 2 && parsed.query.page === 3).toBe(true);
	});

	it.each([
		['weekday=7', 'weekday'],
		['per_page=101', 'per_page'],
		['page=0', 'page'],
		['field=教育', 'field'],
		['lat=abc&lng=133', 'lat'],
		['lat=33.5', 'lng'],
		['sort=distance', 'sort'],
		['desk=maybe', 'desk']
	])('rejects %s with a Japanese and an English message', (query, param) => {
		const parsed = parse(query);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		const issue = parsed.issues.find((i) => i.param === param);
		expect(issue?.ja).toMatch(/[ぁ-んァ-ン一-龠]/);
		expect(issue?.en).toMatch(/[a-z]/);
	});

	it('reads control characters in free text as spaces (NUL, CR, LF)', () => {
		expect(parse('q=%00')).toEqual({ ok: true, query: expect.objectContaining({ q: undefined }) });
		expect(parse('q=%E8%96%AC%00%E5%B1%80%0D%0A&area=%E6%97%AD%00')).toEqual({ ok: true, query: expect.objectContaining({ q: '薬 局', area: '旭' }) });
	});

	it('ignores empty form fields', () => {
		expect(parse('q=&field=&area=')).toEqual({ ok: true, query: expect.objectContaining({ q: undefined, field: undefined }) });
	});
});
