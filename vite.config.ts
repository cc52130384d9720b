import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
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
