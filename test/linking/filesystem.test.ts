import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, test } from 'vitest';
import { createMlPlanServices } from '../../server/src/core/mlplan-core-module.js';
import { located, withCode } from '../support/diagnostics.js';
import { referencesOf } from './helpers.js';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlplan-imports-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('imports on the real file system', () => {
    test('a symbolic link inside the root that points outside it is import-unresolved', async () => {
        const root = path.join(temp, 'workspace');
        const outside = path.join(temp, 'outside');
        fs.mkdirSync(root);
        fs.mkdirSync(outside);
        fs.writeFileSync(path.join(outside, 'secret.mlplan'), 'catalog Secret { person eve }');
        fs.writeFileSync(path.join(root, 'catalog.mlplan'), 'catalog Shared { person ana }');
        fs.symlinkSync(path.join(outside, 'secret.mlplan'), path.join(root, 'link.mlplan'));
        fs.symlinkSync(outside, path.join(root, 'linked-dir'));
        fs.writeFileSync(path.join(root, 'main.mlplan'), [
            'import "./catalog.mlplan"',
            'import "./link.mlplan"',
            'import "./linked-dir/secret.mlplan"',
            'plan P { owner ana team t { members eve } }',
        ].join('\n'));

        const services = createMlPlanServices(NodeFileSystem).MlPlan;
        services.imports.Imports.setRoots([URI.file(root)]);
        const documents = services.shared.workspace.LangiumDocuments;
        // Load the links too, as if the editor had opened them (the server itself would not read
        // them, see test/security/imports-containment.test.ts): containment alone must refuse them.
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const loaded = await Promise.all(['main.mlplan', 'catalog.mlplan', 'link.mlplan', 'linked-dir/secret.mlplan']
            .map(async file => {
                const document = await factory.fromUri(URI.file(path.join(root, file)));
                documents.addDocument(document);
                return document;
            }));
        await services.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
        const main = loaded[0];

        const unresolvedImports = withCode(main.diagnostics ?? [], 'import-unresolved');
        expect(unresolvedImports.map(located)).toEqual(['import-unresolved@2:8-2:23', 'import-unresolved@3:8-3:36']);
        expect(unresolvedImports[0].message).toContain('symbolic links are followed');
        expect(referencesOf(main).map(ref => `${ref.$refText}:${ref.ref ? 'resolved' : 'unresolved'}`)).toEqual(['ana:resolved', 'eve:unresolved']);
        expect(services.imports.Imports.isAllowed(main.uri, URI.file(path.join(root, 'catalog.mlplan')))).toBe(true);
        expect(services.imports.Imports.isAllowed(main.uri, URI.file(path.join(root, 'link.mlplan')))).toBe(false);
    });
});
