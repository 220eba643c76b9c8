import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/format-github.js';
import type { FileResult } from '../../server/src/cli/results.js';
import { lines, mlplan, removeTree, requireBundle, tempTree } from './run.js';
import { WARNINGS_ONLY, WITH_ERRORS } from './plans.js';

/** A hint (`unused-ignore`) and a message quoting plan text with `%`, `,` and `:`; a file name with all three. */
const ODD = `plan Odd {
  serving {
    mode batch
    // mlplan-ignore risk-missing -- nothing here
    fallback "TODO: 100% of, users: later"
  }
}
`;
const ODD_FILE = 'a,b:c%.mlplan';

let dir: string;

beforeAll(() => {
    requireBundle();
    dir = tempTree({ 'errors.mlplan': WITH_ERRORS, 'quiet.mlplan': WARNINGS_ONLY, [ODD_FILE]: ODD });
});

afterAll(() => removeTree(dir));

describe('check --format github', () => {
    test('one workflow command per diagnostic, 1-based, error → ::error, warning → ::warning; exit status as check', async () => {
        const run = await mlplan(['check', '--format', 'github', 'errors.mlplan'], { cwd: dir });
        const text = await mlplan(['check', 'errors.mlplan'], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const commands = lines(run.stdout);
        expect(commands).toHaveLength(lines(text.stdout).length);
        expect(commands).toContain('::error file=errors.mlplan,line=2,col=9,endLine=2,endColumn=15,title=unresolved-reference::`nobody` is not a declared person or team');
        expect(commands).toContain('::warning file=errors.mlplan,line=3,col=3,endLine=3,endColumn=10,title=fallback-missing::no fallback defined: say what is served when the model fails (a baseline, or a string describing the behaviour)');
        expect(commands.find(c => c.includes('title=peak-below-average'))).toMatch(/^::error file=errors\.mlplan,line=6,col=10,endLine=6,endColumn=18,title=peak-below-average::peak 10 req\/s is below the mean/);
        for (const command of commands) {
            expect(command).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
        }
        const quiet = await mlplan(['check', '--format', 'github', 'quiet.mlplan'], { cwd: dir });
        expect(quiet.code).toBe(0);
        expect(lines(quiet.stdout).every(c => c.startsWith('::warning '))).toBe(true);
    });

    test('hints and info are ::notice; properties and data are escaped as the runner requires', async () => {
        const run = await mlplan(['check', '--format', 'github', ODD_FILE], { cwd: dir });
        expect(run.code).toBe(0);
        const commands = lines(run.stdout);
        expect(commands).toContain('::notice file=a%2Cb%3Ac%25.mlplan,line=4,col=5,endLine=4,endColumn=50,title=unused-ignore::mlplan-ignore `risk-missing` silences nothing on the next line');
        // In the message only `%` (and line breaks) are escaped: `,` and `:` are data.
        expect(commands).toContain('::warning file=a%2Cb%3Ac%25.mlplan,line=5,col=14,endLine=5,endColumn=43,title=fallback-missing::the serving fallback is a placeholder ("TODO: 100%25 of, users: later"): say what users get when the model fails, or name a baseline');
    });

    test('--format github is in the usage; an unknown format names it', async () => {
        const help = await mlplan(['--help']);
        expect(help.stdout).toContain('  --format text|json|sarif|github\n');
        const bad = await mlplan(['check', '--format', 'gitlab', 'errors.mlplan'], { cwd: dir });
        expect(bad.code).toBe(2);
        expect(bad.stderr).toBe('mlplan: unknown format "gitlab"; use text, json, sarif, github\n');
    });
});

describe('workflow command escaping', () => {
    test('data: % first, then CR and LF; properties also : and ,', () => {
        expect(escapeData('50% done\r\nnext: a, b %0A')).toBe('50%25 done%0D%0Anext: a, b %250A');
        expect(escapeProperty('dir,x/a:b%\n.mlplan')).toBe('dir%2Cx/a%3Ab%25%0A.mlplan');
    });

    test('a message or a code cannot end the command or start another one', () => {
        const result: FileResult = {
            file: 'x.mlplan',
            kind: 'plan',
            readiness: { satisfied: 0, applicable: 0, blockers: [] } as unknown as FileResult['readiness'],
            findings: [
                { code: 'a:b,c', severity: 'hint', message: 'line\n::error::injected', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 2 } } },
                { code: 'info-code', severity: 'info', message: 'fine', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } } },
            ],
        };
        expect(formatGithub([result])).toBe(
            '::notice file=x.mlplan,line=1,col=1,endLine=2,endColumn=3,title=a%3Ab%2Cc::line%0A::error::injected\n'
            + '::notice file=x.mlplan,line=3,col=5,endLine=3,endColumn=5,title=info-code::fine\n');
        expect(formatGithub([])).toBe('');
    });
});
