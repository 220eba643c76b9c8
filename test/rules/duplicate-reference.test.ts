// duplicate-reference: a list of names (features, trains on, members, after, for, needs,
// regulations) that names the same thing twice, and the fix that removes only the repeat.
import { describe, expect, test } from 'vitest';
import { codeOf, found, rangeAt, rangeWithin, unreadable, withCode } from '../support/diagnostics.js';
import { check, createEditorTestServices } from '../support/services.js';
import { codeActions, roundTrip } from '../lsp/fix-support.js';

const services = createEditorTestServices();

const DATA = `
  person ana
  person bo
  persona analyst { description "d" }
  persona agent { description "d" }
  metric auc { kind ml better higher }
  dataset subscribers { source "s" fields { tenure number  region category  churned boolean label } }
  dataset events { source "e" fields { clicks number } }`;

/** The findings of `duplicate-reference` with their messages. */
async function findings(text: string): Promise<Array<{ at: string; message: string }>> {
    const { diagnostics } = await check(services, text);
    return withCode(diagnostics, 'duplicate-reference').map((d, i) => ({ at: found(diagnostics, 'duplicate-reference')[i], message: String(d.message) }));
}

describe('duplicate-reference', () => {
    test('a repeated feature is a warning on the repeat, and the fix removes it with the comma before it', async () => {
        const text = `plan P {${DATA}
  model ChurnGBM { trains on subscribers features tenure, region, tenure }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        const [diagnostic] = withCode(diagnostics, 'duplicate-reference');
        expect(found(diagnostics, 'duplicate-reference')).toEqual([`duplicate-reference@${rangeAt(text, 'tenure', 3)}`]);
        expect(diagnostic.severity).toBe(2);
        expect(diagnostic.message).toBe('`tenure` is already listed in `features` of model `ChurnGBM`: remove the repeat');
        const trip = await roundTrip(services, text, 'duplicate-reference', { replaces: true });
        expect(trip.action.title).toBe("Remove the repeated 'tenure'");
        expect(trip.action.isPreferred).toBe(true);
        expect(trip.fixed).toBe(text.replace('features tenure, region, tenure }', 'features tenure, region }'));
        expect(trip.after.map(codeOf)).not.toContain('duplicate-reference');
    });

    test('a bare feature and its qualified name are the same field, either way round', async () => {
        const text = `plan P {${DATA}
  model m { trains on subscribers features subscribers.tenure, region, tenure }
  model n { trains on subscribers features tenure, subscribers.tenure }
}`;
        expect(await findings(text)).toEqual([
            { at: `duplicate-reference@${rangeAt(text, 'tenure', 3)}`, message: '`tenure` is already listed (as `subscribers.tenure`) in `features` of model `m`: remove the repeat' },
            { at: `duplicate-reference@${rangeAt(text, 'subscribers.tenure', 2)}`, message: '`subscribers.tenure` is already listed (as `tenure`) in `features` of model `n`: remove the repeat' },
        ]);
        const trip = await roundTrip(services, text, 'duplicate-reference', { index: 1, replaces: true });
        expect(trip.fixed).toBe(text.replace('features tenure, subscribers.tenure }', 'features tenure }'));
    });

    test('trains on, members, after, for and needs: each repeat at its name, with its list and block', async () => {
        const text = `plan P {${DATA}
  team core { members ana, bo, ana }
  objective Growth { for analyst, agent, analyst kpi auc >= 0.8 }
  model m { trains on subscribers, events, subscribers }
  milestone Alpha { due 2026-01-10 }
  milestone Beta {
    due 2026-02-10
    after Alpha, Alpha
    needs events, subscribers,
      events
  }
}`;
        expect(await findings(text)).toEqual([
            { at: `duplicate-reference@${rangeWithin(text, 'bo, ana }', 'ana')}`, message: '`ana` is already listed in `members` of team `core`: remove the repeat' },
            { at: `duplicate-reference@${rangeWithin(text, 'agent, analyst', 'analyst')}`, message: '`analyst` is already listed in `for` of objective `Growth`: remove the repeat' },
            { at: `duplicate-reference@${rangeWithin(text, 'events, subscribers }', 'subscribers')}`, message: '`subscribers` is already listed in `trains on` of model `m`: remove the repeat' },
            { at: `duplicate-reference@${rangeAt(text, 'Alpha', 3)}`, message: '`Alpha` is already listed in `after` of milestone `Beta`: remove the repeat' },
            { at: `duplicate-reference@${rangeWithin(text, ',\n      events', 'events')}`, message: '`events` is already listed (line 16) in `needs` of milestone `Beta`: remove the repeat' },
        ]);
        const fixes: Array<[number, string, string]> = [
            [0, 'members ana, bo, ana }', 'members ana, bo }'],
            [1, 'for analyst, agent, analyst kpi', 'for analyst, agent kpi'],
            [2, 'trains on subscribers, events, subscribers }', 'trains on subscribers, events }'],
            [3, 'after Alpha, Alpha\n', 'after Alpha\n'],
            [4, 'needs events, subscribers,\n      events\n', 'needs events, subscribers\n'],
        ];
        for (const [index, from, to] of fixes) {
            const trip = await roundTrip(services, text, 'duplicate-reference', { index, replaces: true });
            expect(trip.fixed).toBe(text.replace(from, to));
        }
    });

    test('regulations: the same name twice, or a name and the same string', async () => {
        const text = `plan P {
  regulations GDPR, "PCI-DSS", "GDPR", CCPA, PCI
}`;
        expect(await findings(text)).toEqual([
            { at: `duplicate-reference@${rangeAt(text, '"GDPR"')}`, message: '`"GDPR"` is already listed (as `GDPR`) in `regulations` of plan `P`: remove the repeat' },
        ]);
        const trip = await roundTrip(services, text, 'duplicate-reference', { replaces: true });
        expect(trip.fixed).toBe(text.replace(', "GDPR"', ''));
    });

    test('unresolved entries are duplicates when they are written the same', async () => {
        const text = `plan P {${DATA}
  team core { members ana, carl, carl }
  model m { trains on subscribers features nope, subscribers.nope, nope }
}`;
        const { diagnostics } = await check(services, text);
        expect(withCode(diagnostics, 'unresolved-reference').length).toBeGreaterThan(0);
        expect(found(diagnostics, 'duplicate-reference')).toEqual([
            `duplicate-reference@${rangeAt(text, 'carl', 2)}`,
            `duplicate-reference@${rangeAt(text, 'nope', 3)}`,
        ]);
        const trip = await roundTrip(services, text, 'duplicate-reference', { replaces: true, alsoFixes: ['unresolved-reference'] });
        expect(trip.fixed).toBe(text.replace('members ana, carl, carl }', 'members ana, carl }'));
    });

    test('a repeat that opens a later line of the list loses the comma after it; one alone after its keyword gets no fix', async () => {
        const text = `plan P {${DATA}
  model m {
    trains on subscribers, events
    features tenure
    features region, tenure, clicks
  }
  model n {
    trains on subscribers
    features tenure
    features tenure
  }
}`;
        const { document, diagnostics } = await check(services, text);
        expect(found(diagnostics, 'duplicate-reference')).toEqual([
            `duplicate-reference@${rangeAt(text, 'tenure', 3)}`,
            `duplicate-reference@${rangeAt(text, 'tenure', 5)}`,
        ]);
        expect(withCode(diagnostics, 'duplicate-reference')[0].message).toBe('`tenure` is already listed (line 11) in `features` of model `m`: remove the repeat');
        const trip = await roundTrip(services, text, 'duplicate-reference', { replaces: true });
        expect(trip.fixed).toBe(text.replace('features region, tenure, clicks', 'features region, clicks'));
        const actions = await codeActions(services, document, [withCode(diagnostics, 'duplicate-reference')[1]]);
        expect(actions.map(a => a.title)).toEqual(["Ignore 'duplicate-reference' on this line"]);
    });

    test('near miss: distinct entries, the same name in two lists or two blocks, two datasets\' fields of the same name', async () => {
        const text = `plan P {${DATA}
  dataset holdout { source "h" fields { tenure number } }
  team core { members ana, bo }
  team ops { members ana }
  objective Growth { for analyst, agent kpi auc >= 0.8 }
  model m { trains on subscribers, holdout features subscribers.tenure, holdout.tenure, region }
  model n { trains on subscribers features tenure, region }
  milestone Alpha { due 2026-01-10 needs events }
  milestone Beta { due 2026-02-10 after Alpha needs events, subscribers }
}`;
        const { diagnostics } = await check(services, text);
        expect(unreadable(diagnostics)).toEqual([]);
        expect(found(diagnostics, 'duplicate-reference')).toEqual([]);
    });
});
