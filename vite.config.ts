import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// The largest files are MapLibre GL's own prebuilt, minified bundle (1.1 MB, ~300 kB gzip) and
		// its worker (520 kB), both fetched only where a map is shown, after the page and its list
		// are up. They cannot be split further; application chunks stay far below, and would still warn.
		chunkSizeWarningLimit: 1200,
		// Plugin timings are a profiling aid, not a problem: not printed on every build.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/setup/cheap-password-hashes.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Integration suites start real processes (Meilisearch) and open real SQLite files.
		fileParallelism: false
	}
});
