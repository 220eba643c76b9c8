import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['server/src/polyfill/group-by.js'],
        testTimeout: 30_000,
    },
});
