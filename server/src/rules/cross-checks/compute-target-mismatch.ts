import type { Rule } from '../rule.js';
import { quoted } from '../helpers.js';
import { replaceDiagnosticText } from './production-helpers.js';

const ACCELERATORS = new Set(['gpu', 'tpu']);
const DEVICE_TARGETS = new Set(['edge', 'browser']);

/**
 * An accelerator model served where there is no accelerator: on `compute cpu`, or on an edge device
 * or in a browser. One finding per serving, on `compute` when it says `cpu` (the mechanical fix
 * is there), else on `target`.
 */
export const computeTargetMismatch: Rule = {
    code: 'compute-target-mismatch',
    category: 'cross-check',
    severity: 'warning',
    title: 'a model built for gpu or tpu is served on hardware that has one',
    why: 'A model designed and benchmarked on a gpu or tpu usually depends on it: its size, batch shape and latency were chosen for that hardware. Served on cpu instances, or shipped to phones and browsers that have no such accelerator, it runs many times slower, if it fits at all. Either the serving hardware or the model has to change, and which one is a decision to make while planning, not after the first load test.',
    check({ facts, report }) {
        for (const serving of facts.servings) {
            const model = facts.figures.serving(serving).model;
            const built = model?.compute;
            if (!model || !built || !ACCELERATORS.has(built)) {
                continue;
            }
            const needs = `model ${quoted(model.name)} is built for \`compute ${built}\``;
            if (serving.compute === 'cpu') {
                report({
                    node: serving,
                    property: 'compute',
                    message: `serving runs on \`compute cpu\`, but the served ${needs}: the latency and throughput it was sized for on ${built} will not hold on a cpu, if it runs there at all`,
                    data: { written: 'cpu', compute: built, model: model.name },
                });
            } else if (serving.target && DEVICE_TARGETS.has(serving.target)) {
                report({
                    node: serving,
                    property: 'target',
                    message: `serving targets \`${serving.target}\`, but the served ${needs}: ${serving.target === 'edge' ? 'edge devices' : 'browsers'} rarely offer a ${built} to run it on`,
                });
            }
        }
    },
    fix: context => replaceDiagnosticText(context, context.data.written, context.data.compute,
        `Serve on ${String(context.data.compute)}, as model \`${String(context.data.model)}\` is built for`),
};
