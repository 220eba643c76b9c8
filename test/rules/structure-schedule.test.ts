import { describe, expect, test } from 'vitest';
import { found, rangeAt, unreadable, withCode } from '../support/diagnostics.js';
import { check, createTestServices } from '../support/services.js';

const services = createTestServices();

describe('milestone-order', () => {
    test('a milestone due before, or on the day of, one it comes after is reported on that `after` reference', async () => {
        const text = `plan P {
  milestone Prototype { due 2026-03-01 }
  milestone Pilot { due 2026-02-01 }
  milestone Shadow { due 2026-03-01 after Pilot, Prototype }
  milestone Launch { due 2026-01-15 after Shadow }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'milestone-order')).toEqual([
            `milestone-order@${rangeAt(text, 'Prototype', 2)}`,
            `milestone-order@${rangeAt(text, 'Shadow', 2)}`,
        ]);
        const [sameDay, before] = withCode(diagnostics, 'milestone-order');
        expect(sameDay.message).toBe('milestone `Shadow` is due 2026-03-01, on the same day as `Prototype` (due 2026-03-01), which it comes after');
        expect(before.message).toContain('2026-01-15');
        expect(before.message).toContain('2026-03-01');
    });

    test('near miss: later dates, missing or invalid dates, unresolved `after`', async () => {
        const text = `plan P {
  milestone A { due 2026-01-01 }
  milestone B { due 2026-01-02 after A }
  milestone C { after B }
  milestone D { due 2026-02-30 after A }
  milestone E { due 2025-01-01 after D }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'milestone-order')).toEqual([]);
    });
});

describe('milestone-cycle', () => {
    test('each milestone of a cycle is reported once, at the `after` link that continues the cycle', async () => {
        const text = `plan P {
  milestone A { after C }
  milestone B { after A }
  milestone C { after Z, B }
  milestone Z { }
  milestone Self { after Self }
  milestone Outside { after A }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'milestone-cycle')).toEqual([
            `milestone-cycle@${rangeAt(text, 'C }', 1, 1)}`,
            `milestone-cycle@${rangeAt(text, 'A }', 1, 1)}`,
            `milestone-cycle@${rangeAt(text, 'B }', 1, 1)}`,
            `milestone-cycle@${rangeAt(text, 'Self }', 1, 4)}`,
        ]);
        const messages = withCode(diagnostics, 'milestone-cycle').map(d => d.message);
        expect(messages[0]).toContain('A → C → B → A');
        expect(messages[1]).toContain('B → A → C → B');
        expect(messages[2]).toContain('C → B → A → C');
        expect(messages[3]).toContain('Self → Self');
    });

    test('terminates on a long chain and on a dense graph', async () => {
        const chain = Array.from({ length: 3000 }, (_, i) => `  milestone m${i} { after m${(i + 1) % 3000} }`).join('\n');
        const long = await check(services, `plan P {\n${chain}\n}`);
        expect(found(long.diagnostics, 'milestone-cycle')).toHaveLength(3000);
        expect(withCode(long.diagnostics, 'milestone-cycle')[0].message)
            .toBe('`after` links form a cycle: m0 → m1 → m2 → m3 → m4 → … → m2999 → m0 (3000 milestones); none of these milestones can be reached first');
        const names = Array.from({ length: 40 }, (_, i) => `n${i}`);
        const dense = names.map(n => `  milestone ${n} { after ${names.join(', ')} }`).join('\n');
        const full = await check(services, `plan P {\n${dense}\n}`);
        expect(found(full.diagnostics, 'milestone-cycle')).toHaveLength(40);
    });

    test('near miss: a diamond of dependencies is not a cycle', async () => {
        const text = `plan P {
  milestone A { }
  milestone B { after A }
  milestone C { after A }
  milestone D { after B, C, A }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'milestone-cycle')).toEqual([]);
    });
});

describe('past-deadline', () => {
    test('a milestone due or a kpi `by` later than the deadline is reported on that date', async () => {
        const text = `plan P {
  deadline 2026-06-30
  metric churn { kind business unit % better lower }
  objective O { kpi churn <= 3 % by 2026-07-01 kpi churn <= 4 % by 2026-06-30 }
  milestone Launch { due 2026-09-01 }
  milestone Pilot { due 2026-06-30 }
}`;
        const { diagnostics } = await check(services, text);
        expect(found(diagnostics, 'past-deadline')).toEqual([
            `past-deadline@${rangeAt(text, '2026-09-01')}`,
            `past-deadline@${rangeAt(text, '2026-07-01')}`,
        ]);
        const [milestone, kpi] = withCode(diagnostics, 'past-deadline');
        expect(milestone.severity).toBe(2);
        expect(milestone.message).toBe('milestone `Launch` is due 2026-09-01, after the plan deadline 2026-06-30');
        expect(kpi.message).toContain('2026-07-01');
        expect(kpi.message).toContain('2026-06-30');
    });

    test('near miss: on the deadline, no deadline, or an invalid date', async () => {
        const text = `plan P {
  deadline 2026-06-31
  milestone Launch { due 2026-09-01 }
}`;
        expect(found((await check(services, text)).diagnostics, 'past-deadline')).toEqual([]);
        const noDeadline = `plan P { milestone Launch { due 2030-09-01 } }`;
        expect(found((await check(services, noDeadline)).diagnostics, 'past-deadline')).toEqual([]);
        const invalidDue = `plan P { deadline 2026-06-30 milestone Launch { due 2026-13-01 } milestone Pilot { due 2026-06-30 } }`;
        expect(found((await check(services, invalidDue)).diagnostics, 'past-deadline')).toEqual([]);
    });
});
