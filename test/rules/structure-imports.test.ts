import { describe, expect, test } from 'vitest';
import { found, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

describe('import-unresolved', () => {
    test('a missing file, a path leaving the workspace and an empty path are reported on the path string', async () => {
        const text = `import "./missing.mlplan"
import "../../etc/outside.mlplan"
import ""
import "./ok.mlplan"
plan P { }`;
        const { diagnostics } = await check(services, text, { path: 'sub/main.mlplan', files: { 'sub/ok.mlplan': 'catalog Ok { }' } });
        expect(found(diagnostics, 'import-unresolved')).toEqual([
            `import-unresolved@${rangeAt(text, '"./missing.mlplan"')}`,
            `import-unresolved@${rangeAt(text, '"../../etc/outside.mlplan"')}`,
            `import-unresolved@${rangeAt(text, '""')}`,
        ]);
        const [missing, outside, empty] = withCode(diagnostics, 'import-unresolved');
        expect(missing.severity).toBe(1);
        expect(missing.message).toBe('`./missing.mlplan` does not resolve: no .mlplan file is loaded at `/workspace/sub/missing.mlplan`');
        expect(outside.message).toContain('outside `/workspace`');
        expect(outside.data).toMatchObject({ problem: 'outside-root' });
        expect(empty.message).toBe('the import names no file');
    });

    test('near miss: imports inside the workspace, up and down the tree', async () => {
        const text = `import "../lib/a.mlplan"
import "./b.mlplan"
plan P { }`;
        const { diagnostics } = await check(services, text, {
            path: 'plans/main.mlplan',
            files: { 'lib/a.mlplan': 'catalog A { }', 'plans/b.mlplan': 'catalog B { }' },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'import-unresolved')).toEqual([]);
    });
});

describe('import-cycle', () => {
    test('an import that leads back to the importing file is reported on its path, with the chain', async () => {
        const text = `import "./lib/a.mlplan"
import "./c.mlplan"
plan P { }`;
        const { diagnostics } = await check(services, text, {
            path: 'main.mlplan',
            files: {
                'lib/a.mlplan': 'import "./b.mlplan"\ncatalog A { }',
                'lib/b.mlplan': 'import "../main.mlplan"\ncatalog B { }',
                'c.mlplan': 'catalog C { }',
            },
        });
        expect(found(diagnostics, 'import-cycle')).toEqual([`import-cycle@${rangeAt(text, '"./lib/a.mlplan"')}`]);
        const [cycle] = withCode(diagnostics, 'import-cycle');
        expect(cycle.severity).toBe(2);
        expect(cycle.message).toBe('this import leads back to this file: `main.mlplan` → `lib/a.mlplan` → `lib/b.mlplan` → `main.mlplan`');
    });

    test('a file importing itself', async () => {
        const text = 'import "./self.mlplan"\ncatalog Self { person ana }';
        const { diagnostics } = await check(services, text, { path: 'self.mlplan' });
        expect(found(diagnostics, 'import-cycle')).toEqual([`import-cycle@${rangeAt(text, '"./self.mlplan"')}`]);
        expect(withCode(diagnostics, 'import-cycle')[0].message).toContain('`self.mlplan` → `self.mlplan`');
        expect(found(diagnostics, 'duplicate-name')).toEqual([]);
    });

    test('both files of a two-file cycle get the warning', async () => {
        const { document, diagnostics } = await check(services, 'import "./b.mlplan"\nplan A { }', {
            path: 'a.mlplan',
            files: { 'b.mlplan': 'import "./a.mlplan"\ncatalog B { }' },
        });
        expect(found(diagnostics, 'import-cycle')).toEqual(['import-cycle@1:8-1:20']);
        const other = services.shared.workspace.LangiumDocuments.all.find(d => d !== document)!;
        expect(found(other.diagnostics ?? [], 'import-cycle')).toEqual(['import-cycle@1:8-1:20']);
    });

    test('near miss: a diamond (two imports of one shared catalog) is not a cycle', async () => {
        const text = 'import "./x.mlplan"\nimport "./y.mlplan"\nplan P { }';
        const { diagnostics } = await check(services, text, {
            files: {
                'x.mlplan': 'import "./base.mlplan"\ncatalog X { }',
                'y.mlplan': 'import "./base.mlplan"\ncatalog Y { }',
                'base.mlplan': 'catalog Base { }',
            },
        });
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'import-cycle')).toEqual([]);
    });
});
