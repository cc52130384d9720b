/**
 * The OpenAPI 3.1 description of /api/* and /hsds/*, built from the same parameter lists and
 * messages the endpoints validate with (so it cannot drift from them). HSDS objects refer to the
 * Open Referral schemas, as the HSDS OpenAPI document does.
 */
import { MESSAGES } from '../domain/search';
import { HSDS_MAX_PER_PAGE } from './importers/hsds-api';

const HSDS_SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled';
const queryParam = (name: string, description: string, type = 'string') => ({ name, in: 'query', required: false, description, schema: { type } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const error = { description: '不正な指定（Japanese `message` and English `message_en`）' };
const notFound = { description: '見つかりません / not found' };
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const page = (item: string) => ({
	type: 'object',
	properties: {
		total_items: { type: 'integer' }, total_pages: { type: 'integer' }, page_number: { type: 'integer' }, size: { type: 'integer' },
		first_page: { type: 'boolean' }, last_page: { type: 'boolean' }, empty: { type: 'boolean' },
		contents: { type: 'array', items: { $ref: `${HSDS_SCHEMA}/${item}.json` } }
	}
});
const paging = [
	queryParam('search', 'Full text search (name, よみがな, description).'),
	queryParam('page', 'Page number (from 1).', 'integer'),
	queryParam('per_page', `Results per page (1–${HSDS_MAX_PER_PAGE}).`, 'integer')
];

export function openApiDocument(origin: string): Record<string, unknown> {
	const searchParams = Object.entries(MESSAGES).map(([name, message]) => queryParam(name, `${message.en} ${message.ja}`));
	return {
		openapi: '3.1.0',
		info: { title: 'Tsunagi (つなぎ) API', version: '1.0.0', description: '地域の支え合いマップの検索 API と、Open Referral HSDS 3.0 の読み取り API。', license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
		servers: [{ url: origin }],
		paths: {
			'/api/search': { get: { summary: '掲載情報の検索 / search listings', parameters: searchParams, responses: { 200: { description: 'total, page, per_page, hits, facets' }, 400: error } } },
			'/api/search/map': { get: { summary: '検索結果すべての地図用 GeoJSON / the whole result as GeoJSON points', parameters: searchParams, responses: { 200: { description: 'GeoJSON FeatureCollection' }, 400: error } } },
			'/api/services/{id}': { get: { summary: '掲載情報1件 / one listing', parameters: [idParam], responses: { 200: { description: 'The listing whole' }, 404: notFound } } },
			'/hsds/': { get: { summary: 'HSDS API information', responses: { 200: json({ type: 'object', properties: { version: { type: 'string' }, profile: { type: 'string' }, openapi_url: { type: 'string' } } }, 'version, profile, openapi_url') } } },
			'/hsds/services': {
				get: {
					summary: 'Services (one-to-one fields; fully nested with full=true)',
					parameters: [
						...paging,
						queryParam('taxonomy_term_id', 'A taxonomy term id or code (also 分野/対象/困りごと term ids from /hsds/taxonomy_terms).'),
						queryParam('organization_id', 'Services of this organization.'),
						queryParam('modified_after', 'Modified on or after this date-time.'),
						queryParam('minimal', 'Only id, name, status and last_modified.', 'boolean'),
						queryParam('full', 'Fully nested services.', 'boolean')
					],
					responses: { 200: json(page('service_list'), 'A page of services'), 400: error }
				}
			},
			'/hsds/services/{id}': { get: { summary: 'A fully nested service', parameters: [idParam], responses: { 200: json({ $ref: `${HSDS_SCHEMA}/service.json` }, 'Service'), 404: notFound } } },
			'/hsds/organizations': { get: { summary: 'Organizations with published services', parameters: [...paging, queryParam('full', 'With their services.', 'boolean')], responses: { 200: json(page('organization_list'), 'A page of organizations'), 400: error } } },
			'/hsds/organizations/{id}': { get: { summary: 'An organization with its services', parameters: [idParam, queryParam('full_service', 'Fully nested services.', 'boolean')], responses: { 200: json({ $ref: `${HSDS_SCHEMA}/organization.json` }, 'Organization'), 404: notFound } } },
			'/hsds/taxonomies': { get: { summary: 'Taxonomies (tsunagi-field, tsunagi-term, tsunagi-tag, tsunagi-target)', parameters: paging, responses: { 200: { description: 'A page of taxonomies' }, 400: error } } },
			'/hsds/taxonomies/{id}': { get: { summary: 'A taxonomy', parameters: [idParam], responses: { 200: { description: 'Taxonomy' }, 404: notFound } } },
			'/hsds/taxonomy_terms': { get: { summary: 'Taxonomy terms', parameters: [...paging, queryParam('taxonomy_id', 'Terms of this taxonomy (id or name).'), queryParam('parent_id', 'Children of this term.'), queryParam('top_only', 'Only terms without a parent.', 'boolean')], responses: { 200: { description: 'A page of taxonomy terms' }, 400: error } } },
			'/hsds/taxonomy_terms/{id}': { get: { summary: 'A taxonomy term', parameters: [idParam], responses: { 200: { description: 'Taxonomy term' }, 404: notFound } } },
			'/hsds/service_at_locations': { get: { summary: 'Service at location links', parameters: [...paging, queryParam('taxonomy_term_id', 'As for services.'), queryParam('organization_id', 'As for services.'), queryParam('modified_after', 'As for services.'), queryParam('full', 'Fully nested.', 'boolean')], responses: { 200: json(page('service_at_location_list'), 'A page of service_at_location'), 400: error } } },
			'/hsds/service_at_locations/{id}': { get: { summary: 'A fully nested service_at_location', parameters: [idParam], responses: { 200: json({ $ref: `${HSDS_SCHEMA}/service_at_location.json` }, 'Service at location'), 404: notFound } } }
		}
	};
}
