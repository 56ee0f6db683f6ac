import { defineConfig } from 'vitest/config'

// One suite for everything. Integration tests run against PGlite by default and against a real
// PostgreSQL server when TEST_DATABASE_URL is set (each test file gets its own database).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
})
