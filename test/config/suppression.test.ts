import { beforeEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeReadiness } from '../../server/src/rules/readiness.js';
import { check, createTestServices } from '../support/services.js';
import { codeOf, located, withCode } from '../support/diagnostics.js';

const services = createTestServices();
beforeEach(() => services.config.Configuration.setEditorRules({}));

const KNOWN = new Set(['fallback-missing', 'peak-below-average', 'unused-ignore', 'unresolved-reference']);
/** The diagnostics these tests reason about, as `code@line:col-line:col`. */
async function known(text: string): Promise<string[]> {
    const { diagnostics } = await check(services, text);
    return diagnostics.filter(d => KNOWN.has(codeOf(d))).map(located).sort();
}

const serving = (comment: string, peakComment = '') => `plan Suppressed {
  ${comment}
  serving {
    mode batch
    volume 2_000_000 req/day
    ${peakComment}
    peak 10 req/s
  }
}
`;

describe('// mlplan-ignore CODE -- reason', () => {
    test('without a comment both diagnostics are raised', async () => {
        expect(await known(serving(''))).toEqual([
            'fallback-missing@3:3-3:10',
            'peak-below-average@7:10-7:18',
        ]);
    });

    test('silences that code on the next line', async () => {
        expect(await known(serving('// mlplan-ignore fallback-missing -- batch scoring, nothing user-facing'))).toEqual([
            'peak-below-average@7:10-7:18',
        ]);
    });

    test('several codes may be listed; a reason is optional', async () => {
        const text = serving('', '// mlplan-ignore peak-below-average, fallback-missing');
        // peak-below-average is on the next line and silenced; fallback-missing is not on it: unused.
        expect(await known(text)).toEqual([
            'fallback-missing@3:3-3:10',
            'unused-ignore@6:5-6:58',
        ]);
    });

    test('only the next line: a blank line in between means the comment silences nothing', async () => {
        const text = `plan Gap {
  // mlplan-ignore fallback-missing -- too far away

  serving {
    mode batch
  }
}
`;
        expect(await known(text)).toEqual(['fallback-missing@4:3-4:10', 'unused-ignore@2:3-2:52']);
    });

    test('an ignore comment that silences nothing is an unused-ignore hint at the comment', async () => {
        const { diagnostics } = await check(services, `plan Stale {
  // mlplan-ignore peak-below-average -- was fixed long ago
  title "stale"
}
`);
        const unused = withCode(diagnostics, 'unused-ignore');
        expect(unused.map(located)).toEqual(['unused-ignore@2:3-2:60']);
        expect(unused[0].severity).toBe(DiagnosticSeverity.Hint);
        expect(unused[0].message).toContain('peak-below-average');
    });

    test('a comment naming no code is unused too', async () => {
        expect(await known('plan Empty {\n  // mlplan-ignore -- no code\n  title "x"\n}\n')).toEqual(['unused-ignore@2:3-2:30']);
    });

    test('unused-ignore follows the configuration like any rule', async () => {
        services.config.Configuration.setEditorRules({ 'unused-ignore': 'off' });
        expect(await known('plan Quiet {\n  // mlplan-ignore peak-below-average\n  title "x"\n}\n')).toEqual([]);
        services.config.Configuration.setEditorRules({ 'unused-ignore': 'warning' });
        const { diagnostics } = await check(services, 'plan Loud {\n  // mlplan-ignore peak-below-average\n  title "x"\n}\n');
        expect(withCode(diagnostics, 'unused-ignore').map(d => d.severity)).toEqual([DiagnosticSeverity.Warning]);
    });

    test('the text of a string is not a comment', async () => {
        const text = `plan InString {
  title "// mlplan-ignore fallback-missing"
  serving {
    mode batch
  }
}
`;
        expect(await known(text)).toEqual(['fallback-missing@3:3-3:10']);
    });

    test('a silenced completeness rule counts as met in readiness', async () => {
        const plain = await check(services, serving(''));
        const ignored = await check(services, serving('// mlplan-ignore fallback-missing -- accepted'));
        const readiness = (r: typeof plain) => computeReadiness(true, 'mvp', r.diagnostics, {});
        expect(readiness(ignored).satisfied).toBe(readiness(plain).satisfied + 1);
        expect(readiness(ignored).applicable).toBe(readiness(plain).applicable);
    });
});
