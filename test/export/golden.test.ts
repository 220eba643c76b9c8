import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../server/src/export/index.js';
import { EXAMPLES, exampleFiles, GOLDEN, goldenName, modelOfFile } from './support.js';

/**
 * Every bundled example in every format, compared with the reviewed output under golden/.
 * `UPDATE_GOLDEN=1 npx vitest run test/export` rewrites them; read the diff before committing:
 * these files are what stakeholders read.
 */
const update = process.env.UPDATE_GOLDEN === '1';

describe.each(exampleFiles())('%s', example => {
    test.each([...EXPORT_FORMATS])('%s matches its golden file', async format => {
        const model = await modelOfFile(path.join(EXAMPLES, example));
        const output = renderExport(model, format);
        const golden = path.join(GOLDEN, goldenName(example, format));
        if (update || !existsSync(golden)) {
            mkdirSync(GOLDEN, { recursive: true });
            writeFileSync(golden, output);
        }
        expect(output).toBe(readFileSync(golden, 'utf8'));
    });
});

test('the examples are all there (a new example needs its golden files)', () => {
    expect(exampleFiles()).toEqual([
        'churn-prediction.mlplan',
        'demand-forecast.mlplan',
        'fraud-detection.mlplan',
        'invoice-coding.mlplan',
        'shared/payments-catalog.mlplan',
        'support-triage.mlplan',
    ]);
});
