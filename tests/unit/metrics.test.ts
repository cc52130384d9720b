import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/lib/server/operations/metrics';
import { requestIdFrom } from '../../src/lib/server/operations/log';

describe('metrics', () => {
	it('counts requests by route and status and keeps latency histograms', () => {
		const metrics = new Metrics();
		metrics.observe('GET', '/api/search', 200, 0.004);
		metrics.observe('GET', '/api/search', 200, 0.3);
		metrics.observe('GET', '/api/search', 429, 0.001);
		const text = metrics.render([{ name: 'tsunagi_outbox_pending', help: 'backlog', value: 3 }]);
		expect(text).toContain('tsunagi_http_requests_total{method="GET",route="/api/search",status="200"} 2');
		expect(text).toContain('tsunagi_http_requests_total{method="GET",route="/api/search",status="429"} 1');
		expect(text).toContain('tsunagi_http_request_duration_seconds_bucket{route="/api/search",le="0.005"} 2');
		expect(text).toContain('tsunagi_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} 3');
		expect(text).toContain('tsunagi_outbox_pending 3');
	});

	it('takes a proxy request id only when it is a plain token', () => {
		expect(requestIdFrom('abc-123.x')).toBe('abc-123.x');
		expect(requestIdFrom('bad id\ninjected')).toBeNull();
		expect(requestIdFrom(null)).toBeNull();
	});
});
