// The schedule and money cross-checks of LANGUAGE.md 4.3: each raised at the exact node the
// contract names, with its arithmetic in the message, silent on equality and on a missing figure,
// and never printing NaN, Infinity or undefined on absurd figures.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES_BY_CODE } from '../../server/src/rules/registry.js';
import { onlyEdit, roundTrip } from '../lsp/fix-support.js';
import { found, locatedWithMessage, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices, createTestServices } from '../support/services.js';
import { replace } from './completeness-support.js';

const services = createTestServices();
const editor = createEditorTestServices();

const CODES = [
    'rollout-past-deadline', 'kpi-before-rollout', 'budget-items-exceed-total', 'labeling-over-budget',
    'labeling-too-slow', 'cost-exceeds-value',
];

const WARNING = 2;
const ERROR = 1;

/** The diagnostics of `code` in `text`, after checking the text reads without syntax or link errors. */
async function raised(text: string, code: string, files?: Record<string, string>): Promise<Diagnostic[]> {
    const { diagnostics } = await check(services, text, { files });
    expect(unreadable(diagnostics)).toEqual([]);
    return withCode(diagnostics, code);
}

/** The one diagnostic of `code` in `text`, as `located()` and message. */
async function only(text: string, code: string, files?: Record<string, string>): Promise<Diagnostic> {
    const all = await raised(text, code, files);
    expect(all.map(locatedWithMessage)).toHaveLength(1);
    return all[0];
}

async function silent(text: string, code: string, files?: Record<string, string>): Promise<void> {
    expect((await raised(text, code, files)).map(locatedWithMessage), text).toEqual([]);
}

describe('rollout-past-deadline', () => {
    const PLAN = `plan P {
  deadline 2026-09-01
  milestone Shadow { due 2026-08-15 }
  rollout {
    starts after Shadow
    shadow 14 d
    stage 10 % for 2 d
    stage 50 % for 3 d
    stage 100 %
  }
}`;
    const CODE = 'rollout-past-deadline';

    test('start + shadow + stages after the deadline: a warning on `starts`, with the calendar', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'after Shadow')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('the rollout starts 2026-08-15 (due date of `Shadow`) and, with 2 w of shadow and 5 d of stages, ends 2026-09-03: 2 d after the deadline 2026-09-01');
    });

    test('a rollout that starts on a date; stages only', async () => {
        const text = replace(replace(PLAN, 'starts after Shadow', 'starts 2026-08-30'), '    shadow 14 d\n', '');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '2026-08-30')}`]);
        expect(diagnostic.message).toBe('the rollout starts 2026-08-30 and, with 5 d of stages, ends 2026-09-04: 3 d after the deadline 2026-09-01');
    });

    test('ending on the deadline is on time; a day later is not', async () => {
        await silent(replace(PLAN, 'deadline 2026-09-01', 'deadline 2026-09-03'), CODE);
        expect((await only(replace(PLAN, 'deadline 2026-09-01', 'deadline 2026-09-02'), CODE)).message)
            .toMatch(/ends 2026-09-03: 1 d after the deadline 2026-09-02$/);
    });

    test('a stage that ends part-way through a day ends on that day', async () => {
        const text = replace(replace(PLAN, 'deadline 2026-09-01', 'deadline 2026-09-03'), 'stage 100 %', 'stage 100 % for 12 h');
        await silent(text, CODE);
        const later = replace(text, 'for 12 h', 'for 24 h');
        expect((await only(later, CODE)).message).toBe('the rollout starts 2026-08-15 (due date of `Shadow`) and, with 2 w of shadow and 6 d of stages, ends 2026-09-04: 1 d after the deadline 2026-09-03');
    });

    test('a rollout without any duration that starts after the deadline', async () => {
        const text = `plan P {\n  deadline 2026-09-01\n  rollout { starts 2026-09-15 stage 100 % }\n}`;
        expect((await only(text, CODE)).message).toBe('the rollout starts 2026-09-15 and ends the same day (no shadow, no stage duration): 2 w after the deadline 2026-09-01');
    });

    test('silent without a deadline, a start, or a due date for the milestone it starts after', async () => {
        await silent(PLAN.replace('  deadline 2026-09-01\n', ''), CODE);
        await silent(PLAN.replace('    starts after Shadow\n', ''), CODE);
        await silent(replace(PLAN, 'milestone Shadow { due 2026-08-15 }', 'milestone Shadow { description "when?" }'), CODE);
    });

    test('no quick-fix: the calendar, the deadline or both may be what is wrong', () => {
        expect(RULES_BY_CODE.get(CODE)?.fix).toBeUndefined();
    });
});

describe('kpi-before-rollout', () => {
    const PLAN = `plan P {
  metric churn_rate { kind business unit % better lower }
  objective Retain {
    kpi churn_rate <= 3 % by 2026-09-02
    kpi churn_rate <= 2 %
  }
  rollout {
    starts 2026-08-15
    shadow 14 d
    stage 10 % for 2 d
    stage 100 % for 3 d
  }
}`;
    const CODE = 'kpi-before-rollout';

    test('a kpi due before the rollout ends: a warning on the kpi, with the rollout\'s calendar', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, 'kpi churn_rate <= 3 % by 2026-09-02')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('`kpi churn_rate <= 3 %` of objective `Retain` is due by 2026-09-02, but the rollout starts 2026-08-15 and, with 2 w of shadow and 5 d of stages, ends 2026-09-03: the kpi cannot be measured on full traffic by then');
    });

    test('a kpi due the day the rollout ends is not early', async () => {
        await silent(replace(PLAN, 'by 2026-09-02', 'by 2026-09-03'), CODE);
    });

    test('silent without a `by` date, without a rollout start, or when the start milestone has no due date', async () => {
        await silent(replace(PLAN, ' by 2026-09-02', ''), CODE);
        await silent(replace(PLAN, '    starts 2026-08-15\n', ''), CODE);
        await silent(replace(replace(PLAN, 'starts 2026-08-15', 'starts after Launch'), '  rollout {', '  milestone Launch { description "soon" }\n  rollout {'), CODE);
    });

    test('no quick-fix: how long after the rollout a kpi can be measured is the author\'s call', () => {
        expect(RULES_BY_CODE.get(CODE)?.fix).toBeUndefined();
    });
});

describe('budget-items-exceed-total', () => {
    const PLAN = `plan P {
  deadline 2026-09-30
  rollout { starts 2026-01-15 stage 100 % }
  budget {
    total 30_000 USD
    serving 2_500 USD/month
    labeling 10_000 USD
  }
}`;
    const CODE = 'budget-items-exceed-total';

    test('the lines, serving × months from the rollout start, above the total: an error on `total`', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, '30_000 USD')}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('labeling 10,000 USD + serving 2,500 USD/month × 9 months (rollout start 2026-01-15 to deadline 2026-09-30) = 32,500 USD, above the total 30,000 USD');
    });

    test('a total equal to the sum is enough; one unit less is not', async () => {
        await silent(replace(PLAN, 'total 30_000 USD', 'total 32_500 USD'), CODE);
        expect((await only(replace(PLAN, 'total 30_000 USD', 'total 32_499 USD'), CODE)).message).toMatch(/= 32,500 USD, above the total 32,499 USD$/);
    });

    test('the months count from the plan start when the rollout has none, rounded up', async () => {
        const text = replace(replace(PLAN, 'rollout { starts 2026-01-15 stage 100 % }', 'rollout { stage 100 % }'), 'deadline 2026-09-30', 'start 2026-03-01\n  deadline 2026-09-30');
        // 213 days: 7.1 months of 30 days, so 8.
        expect((await only(replace(text, 'total 30_000 USD', 'total 29_999 USD'), CODE)).message)
            .toBe('labeling 10,000 USD + serving 2,500 USD/month × 8 months (plan start 2026-03-01 to deadline 2026-09-30) = 30,000 USD, above the total 29,999 USD');
        await silent(text, CODE);
    });

    test('12 months when a date is missing, saying which', async () => {
        const noDeadline = replace(PLAN, '  deadline 2026-09-30\n', '');
        expect((await only(noDeadline, CODE)).message).toBe('labeling 10,000 USD + serving 2,500 USD/month × 12 months (no deadline) = 40,000 USD, above the total 30,000 USD');
        const noStart = replace(PLAN, 'rollout { starts 2026-01-15 stage 100 % }', 'rollout { stage 100 % }');
        expect((await only(noStart, CODE)).message).toMatch(/ \+ serving 2,500 USD\/month × 12 months \(no start\) = /);
        const neither = replace(noStart, '  deadline 2026-09-30\n', '');
        expect((await only(neither, CODE)).message).toMatch(/ \+ serving 2,500 USD\/month × 12 months \(no start or deadline\) = /);
    });

    test('at least one month, even when the rollout starts after the deadline', async () => {
        const text = replace(replace(PLAN, 'starts 2026-01-15', 'starts 2026-10-15'), 'total 30_000 USD', 'total 12_000 USD');
        expect((await only(text, CODE)).message).toBe('labeling 10,000 USD + serving 2,500 USD/month × 1 month (rollout start 2026-10-15 to deadline 2026-09-30, at least 1) = 12,500 USD, above the total 12,000 USD');
    });

    test('a yearly serving line counts per month; every one-off line is listed; other currencies are left out', async () => {
        const lines = replace(PLAN, 'serving 2_500 USD/month', 'serving 30_000 USD/year\n    training 4_000 USD\n    compute 1_000 EUR');
        const text = replace(replace(lines, 'labeling 10_000 USD', 'labeling 500 USD'), 'total 30_000 USD', 'total 26_999 USD');
        expect((await only(text, CODE)).message).toBe('labeling 500 USD + training 4,000 USD + serving 2,500 USD/month × 9 months (rollout start 2026-01-15 to deadline 2026-09-30) = 27,000 USD, above the total 26,999 USD');
    });

    test('one line on its own needs no sum', async () => {
        const text = 'plan P {\n  budget { total 5_000 USD labeling 10_000 USD }\n}';
        expect((await only(text, CODE)).message).toBe('labeling 10,000 USD, above the total 5,000 USD');
    });

    test('silent without a total, with a total in another currency than every line, or with no line', async () => {
        await silent(replace(PLAN, '    total 30_000 USD\n', ''), CODE);
        await silent(replace(PLAN, 'total 30_000 USD', 'total 30_000 EUR'), CODE);
        await silent('plan P {\n  budget { total 5_000 USD }\n}', CODE);
    });

    test('quick-fix: the total becomes the sum, written in the plan\'s style', async () => {
        const trip = await roundTrip(editor, PLAN, CODE, { replaces: true });
        expect(trip.action.title).toBe("Change 'total' to '32_500 USD', the sum of the budget lines");
        expect(onlyEdit(trip).newText).toBe('32_500');
        expect(trip.fixed).toContain('    total 32_500 USD\n');
    });
});

describe('labeling-over-budget', () => {
    const PLAN = `plan P {
  dataset subscribers {
    size 1_200_000 rows
    labeling in-house { rate 2_000 rows/day cost 0.05 USD/row }
  }
  budget { labeling 10_000 USD }
}`;
    const CODE = 'labeling-over-budget';

    test('size × cost per row above the labeling line: an error on that line', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, '10_000 USD')}`]);
        expect(diagnostic.severity).toBe(ERROR);
        expect(diagnostic.message).toBe('`subscribers` 1,200,000 rows × 0.05 USD/row = 60,000 USD, above the labeling budget 10,000 USD');
    });

    test('a labeling line equal to the cost is enough; one unit less is not', async () => {
        await silent(replace(PLAN, 'labeling 10_000 USD', 'labeling 60_000 USD'), CODE);
        expect((await only(replace(PLAN, 'labeling 10_000 USD', 'labeling 59_999 USD'), CODE)).message).toMatch(/= 60,000 USD, above the labeling budget 59,999 USD$/);
    });

    test('rounding noise is equality: 0.1 + 0.2 USD is 0.3 USD', async () => {
        const text = `plan P {
  dataset a { size 1 rows labeling outsourced { cost 0.1 USD/row } }
  dataset b { size 1 rows labeling outsourced { cost 0.2 USD/row } }
  budget { labeling 0.3 USD }
}`;
        await silent(text, CODE);
    });

    test('every dataset the plan sees counts, imported ones too; datasets priced in another currency do not', async () => {
        const text = `import "./catalog.mlplan"
plan P {
  dataset tickets { size 4_000 rows labeling outsourced { cost 0.5 USD/row } }
  dataset euro { size 1_000 rows labeling outsourced { cost 100 EUR/row } }
  budget { labeling 10_000 USD }
}`;
        const files = { 'catalog.mlplan': 'catalog C {\n  dataset subscribers { size 1_200_000 rows labeling in-house { cost 0.05 USD/row } }\n}' };
        const diagnostic = await only(text, CODE, files);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '10_000 USD')}`]);
        expect(diagnostic.message).toBe('`tickets` 4,000 rows × 0.5 USD/row + `subscribers` 1,200,000 rows × 0.05 USD/row = 62,000 USD, above the labeling budget 10,000 USD');
    });

    test('silent without a size, a cost per row, or a labeling line in money', async () => {
        await silent(replace(PLAN, '    size 1_200_000 rows\n', ''), CODE);
        await silent(replace(PLAN, ' cost 0.05 USD/row', ''), CODE);
        await silent(replace(PLAN, '  budget { labeling 10_000 USD }\n', ''), CODE);
        await silent(replace(PLAN, 'labeling 10_000 USD', 'labeling 10_000 EUR'), CODE);
    });

    test('quick-fix: the labeling line becomes the cost', async () => {
        const trip = await roundTrip(editor, PLAN, CODE, { replaces: true });
        expect(trip.action.title).toBe("Change 'labeling' to '60_000 USD', what labeling the datasets costs");
        expect(onlyEdit(trip).newText).toBe('60_000');
        expect(trip.fixed).toContain('budget { labeling 60_000 USD }');
    });
});

describe('labeling-too-slow', () => {
    const PLAN = `plan P {
  start 2026-01-05
  dataset events { source "e" }
  dataset subscribers {
    size 1_200 rows
    labeling in-house { rate 100 rows/day }
  }
  milestone Labeled { due 2026-01-16 needs events, subscribers }
}`;
    const CODE = 'labeling-too-slow';

    test('size ÷ rate from the plan start ends after the due date: a warning on the `needs` reference', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeWithin(PLAN, 'needs events, subscribers', 'subscribers')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('labeling `subscribers` takes 12 d (1,200 rows at 100 rows/day) from the plan start 2026-01-05, so it ends 2026-01-17, but milestone `Labeled` is due 2026-01-16');
    });

    test('labels done on the due date are on time; part of a day counts as that day', async () => {
        await silent(replace(PLAN, 'due 2026-01-16', 'due 2026-01-17'), CODE);
        await silent(replace(replace(PLAN, 'due 2026-01-16', 'due 2026-01-17'), 'size 1_200 rows', 'size 1_250 rows'), CODE);
    });

    test('a rate per hour converts to rows per day without drifting a day', async () => {
        const hourly = replace(replace(PLAN, 'rate 100 rows/day', 'rate 50 rows/h'), 'due 2026-01-16', 'due 2026-01-06');
        await silent(hourly, CODE);
        expect((await only(replace(hourly, 'due 2026-01-06', 'due 2026-01-05'), CODE)).message)
            .toBe('labeling `subscribers` takes 1 d (1,200 rows at 1,200 rows/day) from the plan start 2026-01-05, so it ends 2026-01-06, but milestone `Labeled` is due 2026-01-05');
    });

    test('silent without a plan start, a size, a rate, a due date, or with a zero rate', async () => {
        await silent(replace(PLAN, '  start 2026-01-05\n', ''), CODE);
        await silent(replace(PLAN, '    size 1_200 rows\n', ''), CODE);
        await silent(replace(PLAN, ' { rate 100 rows/day }', ''), CODE);
        await silent(replace(PLAN, 'due 2026-01-16 ', ''), CODE);
        await silent(replace(PLAN, 'rate 100 rows/day', 'rate 0 rows/day'), CODE);
    });

    test('no quick-fix: a smaller sample, more labelers or a later date are the author\'s choice', () => {
        expect(RULES_BY_CODE.get(CODE)?.fix).toBeUndefined();
    });
});

describe('cost-exceeds-value', () => {
    const PLAN = `plan P {
  objective Awareness { description "no value" }
  objective Retain { value 20_000 USD/year }
  serving { volume 2_000_000 req/day cost 0.00004 USD/req }
}`;
    const CODE = 'cost-exceeds-value';

    test('cost × a year of volume above the yearly value: a warning on the first objective value', async () => {
        const diagnostic = await only(PLAN, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(PLAN, '20_000 USD/year')}`]);
        expect(diagnostic.severity).toBe(WARNING);
        expect(diagnostic.message).toBe('serving costs 29,200 USD a year (0.00004 USD/req × 730,000,000 req/year) but objective `Retain` is worth 20,000 USD a year');
    });

    test('a value equal to the cost pays for it; one unit less does not', async () => {
        await silent(replace(PLAN, 'value 20_000 USD/year', 'value 29_200 USD/year'), CODE);
        expect((await only(replace(PLAN, 'value 20_000 USD/year', 'value 29_199 USD/year'), CODE)).message).toMatch(/is worth 29,199 USD a year$/);
    });

    test('several objectives add up, monthly values × 12; reported on the first that has a value', async () => {
        const text = replace(PLAN, '  serving {', '  objective Upsell { value 500 USD/month }\n  serving {');
        const diagnostic = await only(text, CODE);
        expect(found([diagnostic], CODE)).toEqual([`${CODE}@${rangeAt(text, '20_000 USD/year')}`]);
        expect(diagnostic.message).toBe('serving costs 29,200 USD a year (0.00004 USD/req × 730,000,000 req/year) but the objectives are worth 26,000 USD a year (`Retain` 20,000 USD/year + `Upsell` 500 USD/month × 12)');
    });

    test('a monthly serving cost × 12; without one, the serving budget × 12', async () => {
        const monthly = replace(PLAN, 'cost 0.00004 USD/req', 'cost 2_000 USD/month');
        expect((await only(monthly, CODE)).message).toBe('serving costs 24,000 USD a year (2,000 USD/month × 12) but objective `Retain` is worth 20,000 USD a year');
        const budgeted = replace(PLAN, ' cost 0.00004 USD/req', '').replace('  serving {', '  budget { serving 2_500 USD/month }\n  serving {');
        expect((await only(budgeted, CODE)).message).toBe('serving costs 30,000 USD a year (the serving budget 2,500 USD/month × 12) but objective `Retain` is worth 20,000 USD a year');
        const monthlyValue = replace(budgeted, 'value 20_000 USD/year', 'value 1_000 USD/month');
        expect((await only(monthlyValue, CODE)).message).toBe('serving costs 30,000 USD a year (the serving budget 2,500 USD/month × 12) but objective `Retain` is worth 12,000 USD a year (1,000 USD/month × 12)');
    });

    test('silent without a value, without a cost or volume or budget, or across currencies', async () => {
        await silent(replace(PLAN, ' value 20_000 USD/year', ''), CODE);
        await silent(replace(PLAN, ' volume 2_000_000 req/day', ''), CODE);
        await silent(replace(PLAN, 'value 20_000 USD/year', 'value 20_000 EUR/year'), CODE);
    });

    test('no quick-fix: the value or the serving design has to change', () => {
        expect(RULES_BY_CODE.get(CODE)?.fix).toBeUndefined();
    });
});

describe('absurd figures', () => {
    afterEach(() => vi.restoreAllMocks());
    const BIG = `1${'0'.repeat(300)}`;
    const HUGE = `1${'0'.repeat(308)}`;

    /** Checks `text` and returns the messages of the six codes, having checked that none failed or printed a non-number. */
    async function messages(text: string): Promise<Record<string, string[]>> {
        const failures = vi.spyOn(console, 'error');
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(failures).not.toHaveBeenCalled();
        const byCode = Object.fromEntries(CODES.map(code => [code, withCode(diagnostics, code).map(d => String(d.message))]));
        for (const message of Object.values(byCode).flat()) {
            expect(message).not.toMatch(/NaN|Infinity|undefined/);
        }
        return byCode;
    }

    test('dates at the end of the calendar and amounts of 300 digits: every rule still speaks, in scientific notation', async () => {
        const found = await messages(`plan P {
  start 9999-12-01
  deadline 9999-12-31
  metric m { kind business unit % better lower }
  objective O { kpi m <= 3 % by 9999-12-30 value 1 USD/year }
  dataset d { size ${BIG} rows labeling in-house { rate 0.001 rows/day cost 1 USD/row } }
  milestone M { due 9999-12-31 needs d }
  serving { volume 1 req/s cost ${BIG} USD/req }
  rollout { starts 9999-12-20 shadow 10000000 d stage 1 % for 10000000 d stage 100 % }
  budget { total 1 USD serving 1 USD/month labeling 1 USD training ${BIG} USD }
}`);
        expect(found['rollout-past-deadline']).toEqual(['the rollout starts 9999-12-20 and, with 10,000,000 d of shadow and 10,000,000 d of stages, ends after 9999-12-31: 19,999,989 d after the deadline 9999-12-31']);
        expect(found['kpi-before-rollout']).toHaveLength(1);
        expect(found['labeling-too-slow']).toEqual([expect.stringMatching(/, so it ends after 9999-12-31, but milestone `M` is due 9999-12-31$/)]);
        expect(found['budget-items-exceed-total']).toEqual([expect.stringMatching(/^labeling 1 USD \+ training 1e\+300 USD \+ serving 1 USD\/month × 1 month \(rollout start 9999-12-20 to deadline 9999-12-31\) = 1e\+300 USD, above the total 1 USD$/)]);
        expect(found['labeling-over-budget']).toEqual([expect.stringMatching(/^`d` 1e\+300 rows × 1 USD\/row = 1e\+300 USD, above the labeling budget 1 USD$/)]);
        expect(found['cost-exceeds-value']).toEqual([expect.stringMatching(/^serving costs 3\.15e\+307 USD a year \(1e\+300 USD\/req × 31,536,000 req\/year\) but objective `O` is worth 1 USD a year$/)]);
    });

    test('figures past the largest number: the rules that need them stay silent', async () => {
        const found = await messages(`plan P {
  start 2026-01-05
  deadline 2026-09-01
  metric m { kind business unit % better lower }
  objective O { kpi m <= 3 % by 2026-08-30 value 1 USD/year }
  dataset d { size ${HUGE} rows labeling in-house { rate ${HUGE} rows/s cost ${HUGE} USD/row } }
  milestone M { due 2026-02-01 needs d }
  serving { volume ${HUGE} req/s cost ${HUGE} USD/req }
  rollout { starts 2026-08-15 stage 1 % for ${HUGE} d stage 100 % }
  budget { total 1 USD serving ${HUGE} USD/month labeling ${HUGE} USD training ${HUGE} USD }
}`);
        expect(found).toEqual(Object.fromEntries(CODES.map(code => [code, []])));
    });

    test('a stage of 10,000,000 days: the end date reads "after 9999-12-31"', async () => {
        const text = 'plan P {\n  deadline 2026-09-01\n  rollout { starts 2026-08-15 stage 1 % for 10000000 d stage 100 % }\n}';
        expect((await only(text, 'rollout-past-deadline')).message).toBe('the rollout starts 2026-08-15 and, with 10,000,000 d of stages, ends after 9999-12-31: 1,428,569 w after the deadline 2026-09-01');
    });
});
