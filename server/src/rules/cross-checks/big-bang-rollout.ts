import * as ast from '../../generated/ast.js';
import { stageApplies, type Rule } from '../rule.js';
import { hasShadowPeriod, shadowFix } from './data-rollout.js';

/**
 * Strategy `big-bang` with no `shadow` period, from stage `growth` on (a prototype may switch all
 * at once; a product with users should not). Reported on the strategy; the fix adds `shadow 7 d`.
 */
export const bigBangRollout: Rule = {
    code: 'big-bang-rollout',
    category: 'cross-check',
    severity: 'warning',
    title: 'a big-bang rollout watches the new model in shadow first (from stage `growth`)',
    why: 'A big-bang release sends every request to the new model at the same moment, so the first sign of a defect is that it has reached all users. Gradual strategies exist to limit that blast radius; when switching all at once is truly needed, a shadow period is the substitute: the model scores live traffic without its answers being used, and its errors, latency and output distribution can be checked against production before anyone depends on them. Once real users depend on the product, skipping both is a risk a plan should not take silently.',
    check({ facts, report }) {
        if (!facts.plan || !stageApplies('growth', facts.stage)) {
            return;
        }
        for (const rollout of facts.rollouts) {
            if (rollout.strategy !== 'big-bang' || hasShadowPeriod(rollout)) {
                continue;
            }
            report({
                node: rollout,
                property: 'strategy',
                message: `rollout strategy \`big-bang\` sends all traffic to the new model at once, with no \`shadow\` period before it (plan at stage \`${facts.stage}\`): a defect reaches every user before anyone has seen the model on live traffic; add a \`shadow\` period, or roll out in stages (\`canary\`)`,
            });
        }
    },
    fix(context) {
        return shadowFix(context, context.doc.nodeAt(context.diagnostic.range.start, ast.isRollout), '7 d');
    },
};
