/**
 * Prometheus-style metrics kept in memory: requests by route and status, latency histograms, and
 * gauges read at scrape time (engine in use, outbox backlog). Served at /metrics only when
 * METRICS_TOKEN is set, to a scraper presenting it (Authorization: Bearer …): not public.
 */
const BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

interface Histogram {
	counts: number[];
	sum: number;
	count: number;
}

export class Metrics {
	private readonly requests = new Map<string, number>();
	private readonly latency = new Map<string, Histogram>();

	/** `route` is SvelteKit's route id (bounded), never the raw path. */
	observe(method: string, route: string, status: number, seconds: number): void {
		const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
		this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
		const latencyKey = `route="${escapeLabel(route)}"`;
		const histogram = this.latency.get(latencyKey) ?? { counts: BUCKETS_S.map(() => 0), sum: 0, count: 0 };
		BUCKETS_S.forEach((bound, i) => {
			if (seconds <= bound) histogram.counts[i]++;
		});
		histogram.sum += seconds;
		histogram.count++;
		this.latency.set(latencyKey, histogram);
	}

	/** The text exposition format; `gauges` are read now (name → value, with optional labels). */
	render(gauges: Array<{ name: string; help: string; value: number; labels?: string }>): string {
		const lines: string[] = [];
		lines.push('# HELP tsunagi_http_requests_total HTTP requests answered, by route and status.', '# TYPE tsunagi_http_requests_total counter');
		for (const [labels, value] of this.requests) lines.push(`tsunagi_http_requests_total{${labels}} ${value}`);
		lines.push('# HELP tsunagi_http_request_duration_seconds Time to answer, by route.', '# TYPE tsunagi_http_request_duration_seconds histogram');
		for (const [labels, histogram] of this.latency) {
			BUCKETS_S.forEach((bound, i) => lines.push(`tsunagi_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${histogram.counts[i]}`));
			lines.push(`tsunagi_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${histogram.count}`);
			lines.push(`tsunagi_http_request_duration_seconds_sum{${labels}} ${histogram.sum}`);
			lines.push(`tsunagi_http_request_duration_seconds_count{${labels}} ${histogram.count}`);
		}
		const described = new Set<string>();
		for (const gauge of gauges) {
			if (!described.has(gauge.name)) {
				lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
				described.add(gauge.name);
			}
			lines.push(`${gauge.name}${gauge.labels ? `{${gauge.labels}}` : ''} ${gauge.value}`);
		}
		return lines.join('\n') + '\n';
	}
}

function escapeLabel(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export const metrics = new Metrics();
