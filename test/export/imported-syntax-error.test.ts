/**
 * Regression found by the fuzzer (npm run fuzz): export refuses a file with syntax errors, but the
 * files it imports may have some. A `check` the parser recovered without its kind (`check better
 * amount < 0.1 %` in the imported catalog) made the Markdown and HTML exporters throw and the JSON
 * export miss a required property.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { expect, test } from 'vitest';
import { buildExportModel, EXPORT_FORMATS, exportInputOf, exportRefusal, renderExport } from '../../server/src/export/index.js';
import { check, createTestServices } from '../support/services.js';
import { ROOT } from './support.js';

const services = createTestServices();

test('a plan importing a catalog with a recovered check exports in every format', async () => {
    const catalog = 'catalog Payments {\n  dataset authorisations {\n    source "lake://auth"\n    fields { amount number }\n    check better amount < 0.1 %\n    check unique amount\n  }\n}\n';
    const plan = 'import "./catalog.mlplan"\nplan C {\n  monitoring { drift authorisations.amount psi > 0.2 }\n}\n';
    const { document } = await check(services, plan, { path: 'plan.mlplan', files: { 'catalog.mlplan': catalog } });
    expect(exportRefusal(document)).toBeUndefined();
    const model = buildExportModel(exportInputOf(services, document));
    const validate = new Ajv2020({ strict: true, allErrors: true })
        .compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/mlplan-export.schema.json'), 'utf8')) as object);
    for (const format of EXPORT_FORMATS) {
        const output = renderExport(model, format);
        if (format === 'json') {
            expect(validate(JSON.parse(output)), JSON.stringify(validate.errors)).toBe(true);
        }
    }
    // The check that could be read is still exported.
    expect(renderExport(model, 'markdown')).toContain('are unique');
});
