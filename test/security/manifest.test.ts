import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../cli/run.js';

/**
 * VS Code asks an extension how it behaves in a workspace the user has not trusted (Restricted
 * Mode). mlplan runs no code from the workspace (it reads .mlplan files and mlplan.config.json,
 * and the latter only sets rule severities), so it declares full support, with the reason, rather
 * than leaving VS Code to disable it.
 */
interface Manifest {
    capabilities?: {
        untrustedWorkspaces?: { supported?: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
        virtualWorkspaces?: { supported?: boolean | 'limited'; description?: string };
    };
    contributes?: { configuration?: { properties?: Record<string, { scope?: string }> } };
    activationEvents?: string[];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('package.json declares the extension\'s behaviour in untrusted workspaces', () => {
    test('capabilities.untrustedWorkspaces: supported, with the reason', () => {
        const untrusted = manifest.capabilities?.untrustedWorkspaces;
        expect(untrusted).toBeDefined();
        expect(untrusted?.supported).toBe(true);
        expect(untrusted?.description).toMatch(/runs no code/i);
    });

    test('no setting could make it run something: none names a program, a path to execute or a shell', () => {
        const settings = Object.keys(manifest.contributes?.configuration?.properties ?? {});
        expect(settings.length).toBeGreaterThan(0);
        for (const name of settings) {
            expect(name).not.toMatch(/path|command|exec|shell|program|binary|server\.args|node/i);
        }
    });

    test('capabilities.virtualWorkspaces is declared too', () => {
        expect(manifest.capabilities?.virtualWorkspaces?.supported).toBeDefined();
        expect(manifest.capabilities?.virtualWorkspaces?.description).toBeTruthy();
    });

    test('it activates on mlplan files and its own commands only (never on "*" or start-up)', () => {
        for (const event of manifest.activationEvents ?? []) {
            expect(event).toMatch(/^(onLanguage:mlplan|onCommand:mlplan\.\w+)$/);
        }
    });
});
