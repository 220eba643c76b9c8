// unknown-unit and unit-mismatch: every quantity's unit against the unit table, its metric and its property.
import { describe, expect, test } from 'vitest';
import { createTestServices } from '../support/services.js';
import { diagnosticsOf, foundIn, located, rangeAt, rangeWithin } from '../support/diagnostics.js';

const services = createTestServices();

const METRICS = `
  metric latency_p99 { kind software unit ms better lower }
  metric error_rate  { kind software unit % better lower }
  metric auc         { kind ml better higher }
  metric spend       { kind business unit EUR better lower }
  metric load        { kind software unit req/s }`;

describe('unknown-unit', () => {
    test('a word that is not a unit, with the nearest unit suggested', async () => {
        const text = `plan P {
  dataset d {
    retention 30 days
  }
}`;
        const [diagnostic, ...rest] = await diagnosticsOf(services, 'unknown-unit', text);
        expect(rest).toEqual([]);
        expect(located(diagnostic)).toBe('unknown-unit@3:18-3:22');
        expect(diagnostic.message).toBe('`days` is not a unit; did you mean `d`?');
        expect(diagnostic.data).toMatchObject({ suggestion: 'd' });
        expect(diagnostic.severity).toBe(1);
        // ...and the quantity is not reported a second time as a mismatch.
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([]);

        expect(await foundIn(services, 'unknown-unit', text.replace('30 days', '30 d'))).toEqual([]);
    });

    test('every quantity position is checked', async () => {
        const text = `plan P {${METRICS}
  objective O { kpi error_rate <= 3 pct }
  dataset d { size 10 records retention 1 yr fields { x number } check missing x < 2 percnt }
  baseline B { expect auc = 0.6 pts }
  model M { retrain every 4 wks evaluation { success latency_p99 <= 150 millis slice by x where auc gap <= 3 pp } }
  serving { volume 2_000_000 requests/day peak 60 rps cost 0.00004 usd/req }
  slo S { indicator latency_p99 <= 150 msec objective 99 percent window 4 weeks }
  rollout { shadow 2 days stage 1 pct for 2 days stage 100 % rollback when latency_p99 > 300 msecs }
  monitoring { drift d.x psi > 0.2 u alert error_rate > 1 prc log predictions for 30 dayz }
  budget { total 10 dollars serving 2_500 usd/mo labeling 1 k training 3 K compute 2 eur }
}`;
        const words = (await diagnosticsOf(services, 'unknown-unit', text)).map(d => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
        expect(words).toEqual([
            'pct', 'records', 'yr', 'percnt', 'pts', 'wks', 'millis', 'pp', 'requests/day', 'rps', 'usd/req',
            'msec', 'percent', 'weeks', 'days', 'pct', 'days', 'msecs', 'u', 'prc', 'dayz',
            'dollars', 'usd/mo', 'k', 'K', 'eur',
        ]);
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([]);
    });

    test('suggestions are carried in the data for a quick-fix', async () => {
        const text = `plan P {
  serving { volume 2_000_000 requests/day cost 2_500 usd/mo }
}`;
        const data = (await diagnosticsOf(services, 'unknown-unit', text)).map(d => (d.data as { suggestion?: string }).suggestion);
        expect(data).toEqual(['req/day', 'USD/month']);
    });

    test('no suggestion when nothing is near', async () => {
        const text = `plan P {
  serving { peak 60 xyzzyplugh }
}`;
        const [diagnostic] = await diagnosticsOf(services, 'unknown-unit', text);
        expect(located(diagnostic)).toBe(`unknown-unit@${rangeAt(text, 'xyzzyplugh')}`);
        expect(diagnostic.message).toContain('`xyzzyplugh` is not a unit (units: ms, s, min, h, d, w, %, req/s');
        expect(diagnostic.data).not.toHaveProperty('suggestion');
    });

    test('a metric unit; bounds on that metric are not reported again', async () => {
        const text = `plan P {
  metric ttl { unit days better lower }
  objective O { kpi ttl <= 3 d }
}`;
        const [diagnostic] = await diagnosticsOf(services, 'unknown-unit', text);
        expect(located(diagnostic)).toBe('unknown-unit@2:21-2:25');
        expect(diagnostic.data).toMatchObject({ suggestion: 'd' });
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([]);
        expect(await foundIn(services, 'unknown-unit', text.replace('unit days', 'unit d'))).toEqual([]);
    });

    test('units written without a space, and every known unit, are accepted', async () => {
        const text = `plan P {
  metric m { unit req/d }
  serving { volume 5 req/d peak 1req/s cost 3 GBP/req }
  slo S { objective 99.9% window 1w }
  rollout { shadow 90min stage 5 % for 36h stage 100 % }
  dataset d { size 3 rows retention 1_000 s }
  model M { retrain every 250ms }
  budget { total 1 GBP serving 2 GBP/month }
}`;
        expect(await foundIn(services, 'unknown-unit', text)).toEqual([]);
        const typo = text.replace('1req/s', '1reqs');
        expect(await foundIn(services, 'unknown-unit', typo)).toEqual([`unknown-unit@${rangeWithin(typo, '1reqs', 'reqs')}`]);
    });

    test('only this document is reported, not the catalog it imports', async () => {
        const catalog = 'catalog C { metric ttl { unit days } }';
        const text = `import "./catalog.mlplan"
plan P { objective O { kpi ttl <= 3 d } }`;
        expect(await foundIn(services, 'unknown-unit', text, { 'catalog.mlplan': catalog })).toEqual([]);
        expect(await foundIn(services, 'unknown-unit', catalog)).toEqual(['unknown-unit@1:31-1:35']);
    });
});

describe('the v2 properties and units get the same treatment', () => {
    const text = `plan P {
  objective O { value 400_000 USD/yr }
  dataset d { labeling outsourced { rate 2000 rows/days cost 0.05 USD/label } labels after 30 days }
  model m { latency 40 msec }
  serving { replicas 3 req/s capacity 40 rps }
}`;

    test('a misspelt unit is unknown-unit with the unit meant; a keyword after `/` is a unit word too', async () => {
        const diagnostics = await diagnosticsOf(services, 'unknown-unit', text);
        expect(diagnostics.map(d => [located(d), d.message])).toEqual([
            [`unknown-unit@${rangeAt(text, 'USD/yr')}`, '`USD/yr` is not a unit; did you mean `USD/year`?'],
            [`unknown-unit@${rangeAt(text, 'rows/days')}`, '`rows/days` is not a unit; did you mean `rows/day`?'],
            [`unknown-unit@${rangeAt(text, 'USD/label')}`, '`USD/label` is not a unit; did you mean `USD/row`?'],
            [`unknown-unit@${rangeAt(text, 'days', 2)}`, '`days` is not a unit; did you mean `d`?'],
            [`unknown-unit@${rangeAt(text, 'msec')}`, '`msec` is not a unit; did you mean `ms`?'],
            [`unknown-unit@${rangeAt(text, 'rps')}`, '`rps` is not a unit; did you mean `req/s`?'],
        ]);
        expect(await foundIn(services, 'syntax-error', text)).toEqual([]);
    });

    test('a count with a unit is a mismatch that says a count takes none', async () => {
        const [diagnostic, ...rest] = await diagnosticsOf(services, 'unit-mismatch', text);
        expect(rest).toEqual([]);
        expect(located(diagnostic)).toBe(`unit-mismatch@${rangeAt(text, '3 req/s')}`);
        expect(diagnostic.message).toBe('serving `replicas` must be a plain number, without a unit, but 3 req/s is a request rate');
    });
});

describe('unit-mismatch against the metric', () => {
    const bounds = `plan P {${METRICS}
  objective O { kpi latency_p99 <= 3 % }
  baseline B { expect error_rate = 2 ms }
  model M { evaluation { success auc >= 0.78 ms slice by x where latency_p99 gap <= 20 req/s } }
  slo S { indicator spend <= 3 USD objective 99 % window 28 d }
  rollout { rollback when error_rate > 1 % or latency_p99 > 0.3 }
  monitoring { alert load > 20 req/h alert error_rate > 5 s }
}`;

    test('every kind of bound, at its value', async () => {
        expect(await foundIn(services, 'unit-mismatch', bounds)).toEqual([
            `unit-mismatch@${rangeWithin(bounds, 'kpi latency_p99 <= 3 %', '3 %')}`,
            `unit-mismatch@${rangeWithin(bounds, 'expect error_rate = 2 ms', '2 ms')}`,
            `unit-mismatch@${rangeWithin(bounds, 'success auc >= 0.78 ms', '0.78 ms')}`,
            `unit-mismatch@${rangeWithin(bounds, 'gap <= 20 req/s', '20 req/s')}`,
            `unit-mismatch@${rangeWithin(bounds, 'spend <= 3 USD', '3 USD')}`,
            `unit-mismatch@${rangeWithin(bounds, 'latency_p99 > 0.3', '0.3')}`,
            `unit-mismatch@${rangeWithin(bounds, 'error_rate > 5 s', '5 s')}`,
        ]);
        expect(await foundIn(services, 'unit-mismatch', bounds)).toContain('unit-mismatch@7:36-7:39');
    });

    test('comparable units pass: conversions within a dimension, % and plain ratios, same currency', async () => {
        const fixed = bounds
            .replace('latency_p99 <= 3 %', 'latency_p99 <= 0.3 s')
            .replace('error_rate = 2 ms', 'error_rate = 0.02')
            .replace('auc >= 0.78 ms', 'auc >= 78 %')
            .replace('gap <= 20 req/s', 'gap <= 20 ms')
            .replace('spend <= 3 USD', 'spend <= 3 EUR')
            .replace('latency_p99 > 0.3', 'latency_p99 > 0.3 min')
            .replace('error_rate > 5 s', 'error_rate > 5 %');
        expect(await foundIn(services, 'unit-mismatch', fixed)).toEqual([]);
        // `alert load > 20 req/h` stayed: req/h converts to the metric's req/s; a duration would not.
        expect(fixed).toContain('alert load > 20 req/h');
        expect(await foundIn(services, 'unit-mismatch', fixed.replace('alert load > 20 req/h', 'alert load > 20 ms'))).toHaveLength(1);
    });

    test('messages name the bound and both sides; the expected unit is given when the metric has one', async () => {
        const [kpi, expectLine, success] = await diagnosticsOf(services, 'unit-mismatch', bounds);
        expect(kpi.message).toBe('`kpi latency_p99 <= 3 %`: `latency_p99` is measured in ms (a duration), but 3 % is a ratio or percentage');
        expect(kpi.data).toMatchObject({ expectedUnit: 'ms' });
        expect(expectLine.data).toMatchObject({ expectedUnit: '%' });
        expect(success.message).toBe('`success auc >= 0.78 ms`: `auc` has no unit (a plain ratio), but 0.78 ms is a duration');
        expect(success.data).not.toHaveProperty('expectedUnit');
    });

    test('a plain number against a metric in ms', async () => {
        const text = `plan P {${METRICS}
  model M { evaluation { success latency_p99 <= 150 } }
}`;
        const [diagnostic] = await diagnosticsOf(services, 'unit-mismatch', text);
        expect(located(diagnostic)).toBe(`unit-mismatch@${rangeWithin(text, '<= 150', '150')}`);
        expect(diagnostic.message).toContain('but 150 has no unit');
        expect(diagnostic.data).toMatchObject({ expectedUnit: 'ms' });
        expect(await foundIn(services, 'unit-mismatch', text.replace('<= 150', '<= 150 ms'))).toEqual([]);
    });

    test('unresolved metrics and missing values are left alone', async () => {
        const text = `plan P {
  metric latency { unit ms }
  objective O { kpi nowhere <= 3 % }
  model M { evaluation { success latency >= } }
}`;
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', text.replace('nowhere', 'latency'))).toEqual(['unit-mismatch@3:32-3:35']);
    });
});

describe('unit-mismatch against the property', () => {
    // [property, plan body with a wrong unit, the quantity at fault, the same body made right]
    const cases: Array<[string, string, string, string]> = [
        ['serving volume', 'serving { volume 20 ms }', '20 ms', 'serving { volume 20 req/min }'],
        ['serving peak', 'serving { peak 3 ms }', '3 ms', 'serving { peak 3 req/s }'],
        ['serving cost per request', 'serving { cost 0.1 USD }', '0.1 USD', 'serving { cost 0.1 USD/req }'],
        ['serving cost per month', 'serving { cost 900 req/day }', '900 req/day', 'serving { cost 900 USD/month }'],
        ['slo objective', 'slo S { objective 99.5 ms }', '99.5 ms', 'slo S { objective 99.5 % }'],
        ['slo objective as ratio', 'slo S { objective 0.995 d }', '0.995 d', 'slo S { objective 0.995 }'],
        ['slo window', 'slo S { window 28 }', '28', 'slo S { window 28 d }'],
        ['rollout shadow', 'rollout { shadow 14 req/s }', '14 req/s', 'rollout { shadow 14 d }'],
        ['stage traffic', 'rollout { stage 5 d }', '5 d', 'rollout { stage 5 % }'],
        ['stage for', 'rollout { stage 5 % for 2 % }', '2 %', 'rollout { stage 5 % for 2 w }'],
        ['retrain every', 'model M { retrain every 30 }', '30', 'model M { retrain every 30 d }'],
        ['dataset retention', 'dataset d { retention 365 rows }', '365 rows', 'dataset d { retention 365 d }'],
        ['dataset size', 'dataset d { size 12 % }', '12 %', 'dataset d { size 12 rows }'],
        ['dataset size as plain number', 'dataset d { size 12 ms }', '12 ms', 'dataset d { size 1_200_000 }'],
        ['log for', 'monitoring { log predictions for 30 % }', '30 %', 'monitoring { log predictions for 720 h }'],
        ['check missing threshold', 'dataset d { fields { x number } check missing x < 1 ms }', '1 ms', 'dataset d { fields { x number } check missing x < 1 % }'],
        ['drift threshold', 'dataset d { fields { x number } } monitoring { drift d.x psi > 0.2 ms }', '0.2 ms', 'dataset d { fields { x number } } monitoring { drift d.x psi > 0.2 }'],
        ['budget total', 'budget { total 1_000 USD/month }', '1_000 USD/month', 'budget { total 1_000 USD }'],
        ['budget serving', 'budget { serving 2_500 USD }', '2_500 USD', 'budget { serving 2_500 USD/month }'],
        ['budget labeling', 'budget { labeling 5 }', '5', 'budget { labeling 5 USD }'],
        ['budget training', 'budget { training 5 d }', '5 d', 'budget { training 5 GBP }'],
        ['budget compute', 'budget { compute 5 USD/req }', '5 USD/req', 'budget { compute 5 EUR }'],
    ];

    test.each(cases)('%s', async (_, wrong, quantity, right) => {
        const text = `plan P {\n  ${wrong}\n}`;
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([`unit-mismatch@${rangeWithin(text, wrong, quantity)}`]);
        expect(await foundIn(services, 'unit-mismatch', `plan P {\n  ${right}\n}`)).toEqual([]);
    });

    test('messages say what the property takes and what was written', async () => {
        const text = `plan P {
  serving { peak 3 ms }
  slo S { window 28 }
  budget { total 10 USD serving 2_500 USD }
  dataset d { size 12 % }
}`;
        const diagnostics = await diagnosticsOf(services, 'unit-mismatch', text);
        expect(diagnostics.map(d => [located(d), d.message, d.data])).toEqual([
            ['unit-mismatch@2:18-2:22', 'serving `peak` must be a request rate (req/s, req/min, req/h or req/day), but 3 ms is a duration', { code: 'unit-mismatch' }],
            ['unit-mismatch@3:18-3:20', 'slo `window` must be a duration (ms, s, min, h, d or w), but 28 has no unit', { code: 'unit-mismatch' }],
            ['unit-mismatch@4:33-4:42', 'budget `serving` must be an amount per month or per year (USD/month or USD/year), but 2,500 USD is an amount of money', { code: 'unit-mismatch', expectedUnit: 'USD/month' }],
            ['unit-mismatch@5:20-5:24', 'dataset `size` must be a number of rows (rows or a plain number), but 12 % is a ratio or percentage', { code: 'unit-mismatch', expectedUnit: 'rows' }],
        ]);
    });

    test('a fraction property suggests %', async () => {
        const [diagnostic] = await diagnosticsOf(services, 'unit-mismatch', 'plan P { rollout { stage 5 d } }');
        expect(diagnostic.data).toMatchObject({ expectedUnit: '%' });
    });
});

describe('unit-mismatch between currencies', () => {
    const plan = (budget: string, cost: string) => `plan P {
  serving {
    volume 2_000_000 req/day
    cost ${cost}
  }
  budget {
    ${budget}
  }
}`;

    test('a USD cost against a EUR budget is reported on the cost', async () => {
        const text = plan('total 150_000 EUR serving 2_500 EUR/month', '0.00004 USD/req');
        const [diagnostic, ...rest] = await diagnosticsOf(services, 'unit-mismatch', text);
        expect(rest).toEqual([]);
        expect(located(diagnostic)).toBe('unit-mismatch@4:10-4:25');
        expect(diagnostic.message).toBe('serving `cost` 0.00004 USD/req is in USD but the plan counts in EUR (budget `total` 150,000 EUR); amounts in different currencies cannot be compared');
        expect(diagnostic.data).toMatchObject({ expectedUnit: 'EUR/req' });
        // no budget comparison across currencies either
        expect(await foundIn(services, 'budget-exceeded', plan('serving 1 EUR/month', '0.00004 USD/req'))).toEqual([]);
    });

    test('EUR everywhere is fine', async () => {
        expect(await foundIn(services, 'unit-mismatch', plan('total 150_000 EUR serving 2_500 EUR/month labeling 3 EUR', '0.00004 EUR/req'))).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', plan('total 150_000 GBP', '900 GBP/month'))).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', plan('total 150_000 EUR serving 2_500 EUR/month labeling 3 USD', '0.00004 EUR/req'))).toHaveLength(1);
    });

    test('budget figures in another currency than the first one are reported', async () => {
        const text = plan('total 150_000 EUR serving 2_500 USD/month labeling 3 EUR training 4 GBP', '0.00004 EUR/req');
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([
            `unit-mismatch@${rangeAt(text, '2_500 USD/month')}`,
            `unit-mismatch@${rangeAt(text, '4 GBP')}`,
        ]);
    });

    test('the first budget figure in source order sets the currency', async () => {
        const text = plan('serving 2_500 USD/month total 150_000 EUR', '0.00004 USD/req');
        expect(await foundIn(services, 'unit-mismatch', text)).toEqual([`unit-mismatch@${rangeAt(text, '150_000 EUR')}`]);
    });

    test('without a budget, a cost in any currency is fine', async () => {
        expect(await foundIn(services, 'unit-mismatch', `plan P { serving { cost 0.1 GBP/req } }`)).toEqual([]);
        expect(await foundIn(services, 'unit-mismatch', `plan P { serving { cost 0.1 GBP/req } budget { total 5 EUR } }`)).toEqual(['unit-mismatch@1:25-1:36']);
    });
});
