import type * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';
import { quotedList } from './data-helpers.js';
import { hasShadowPeriod, shadowFix } from './data-rollout.js';

/** Strategies that run the new model next to the old one on live traffic by design. */
const COMPARING_STRATEGIES: readonly string[] = ['shadow', 'ab-test'];

/**
 * `deployment replace` needs two things to compare the new model with what it replaces: the old
 * system named as a `previous-system` baseline (imports included), and a live comparison (a
 * `shadow` period, or strategy `shadow` or `ab-test`). Reported on the `deployment` value, saying
 * which is missing. The fix adds `shadow 14 d` when that is the only thing missing and the rollout
 * has no `shadow` line yet; naming the previous system is for the team to write.
 */
export const replaceWithoutComparison: Rule = {
    code: 'replace-without-comparison',
    category: 'cross-check',
    severity: 'warning',
    title: 'a model that replaces a system is compared with it on live traffic first',
    why: 'Replacing a working system is a bet that the new model does better where it matters, and offline metrics only partly answer it: live inputs, feedback loops and the old system\'s hidden strengths show up only in production. Naming the system being replaced as a baseline says what the model must beat, and running both side by side (in shadow, or in an A/B test) measures it on real traffic before the old one is switched off. Without that comparison, a regression is discovered by users, and there may be nothing left to fall back to.',
    check({ facts, report }) {
        const plan = facts.plan;
        if (plan?.deployment !== 'replace') {
            return;
        }
        const previous = facts.visible.baselines.filter(b => b.kind === 'previous-system');
        const rollout = facts.rollout;
        const live = hasShadowPeriod(rollout) || COMPARING_STRATEGIES.includes(rollout?.strategy ?? '');
        if (previous.length > 0 && live) {
            return;
        }
        report({
            node: plan,
            property: 'deployment',
            message: `\`deployment replace\` but ${previous.length > 0 ? noLiveComparison(rollout, quotedList(previous.map(b => b.name))) : live ? noBaseline(rollout) : noEither(rollout)}`,
        });
    },
    fix(context) {
        const { facts } = context;
        const onlyLiveMissing = facts.visible.baselines.some(b => b.kind === 'previous-system');
        return onlyLiveMissing && facts.rollout && !COMPARING_STRATEGIES.includes(facts.rollout.strategy ?? '')
            ? shadowFix(context, facts.rollout, '14 d')
            : [];
    },
};

const NO_BASELINE = 'no baseline of kind `previous-system` says what the model replaces';
const DECLARE_BASELINE = 'declare the current system as a baseline with `kind previous-system`';

/** What the rollout lacks, in words: `the rollout has neither … (strategy \`canary\`)`. */
function noLive(rollout: ast.Rollout | undefined): string {
    if (!rollout) {
        return 'there is no rollout to run it in shadow or in an A/B test';
    }
    const strategy = rollout.strategy ? ` (strategy \`${rollout.strategy}\`)` : '';
    return `the rollout has neither a \`shadow\` period nor strategy \`shadow\` or \`ab-test\`${strategy}`;
}

function noLiveComparison(rollout: ast.Rollout | undefined, previous: string): string {
    return `${noLive(rollout)}: the new model is never compared with ${previous} on live traffic; add a \`shadow\` period to the rollout, or use strategy \`shadow\` or \`ab-test\``;
}

function noBaseline(rollout: ast.Rollout | undefined): string {
    const comparison = hasShadowPeriod(rollout) ? 'the `shadow` period' : `the \`${rollout?.strategy ?? 'shadow'}\` rollout`;
    return `${NO_BASELINE}: ${comparison} has no named system to measure the new model against; ${DECLARE_BASELINE}`;
}

function noEither(rollout: ast.Rollout | undefined): string {
    return `${NO_BASELINE}, and ${noLive(rollout)}: the new model is never compared with the system it replaces on live traffic; ${DECLARE_BASELINE} and ${rollout ? 'add a `shadow` period to the rollout' : 'a rollout with a `shadow` period'}`;
}
