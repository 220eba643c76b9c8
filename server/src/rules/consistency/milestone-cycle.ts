import * as ast from '../../generated/ast.js';
import type { Rule } from '../rule.js';

export const milestoneCycle: Rule = {
    code: 'milestone-cycle',
    category: 'consistency',
    severity: 'error',
    title: 'the `after` links between milestones form no cycle',
    why: 'Milestones that wait for one another can never start: a cycle in the dependency graph means the plan has no valid order of work. It usually comes from a dependency written the wrong way round, and it silently breaks every schedule view (a Gantt chart has no way to draw it).',
    check({ facts, report }) {
        const milestones = facts.visible.milestones;
        const links = new Map(milestones.map(m => [m, (m.after ?? []).map(ref => ref.ref).filter((t): t is ast.Milestone => t !== undefined)]));
        const successors = (m: ast.Milestone): ast.Milestone[] => links.get(m) ?? [];
        const component = stronglyConnected(milestones, successors);
        const local = new Set(facts.local.filter(ast.isMilestone));
        // The `after` link each milestone on a cycle continues it with: its first one inside its cycle.
        const continues = new Map<ast.Milestone, number>();
        for (const milestone of component.keys()) {
            const own = component.get(milestone);
            continues.set(milestone, (milestone.after ?? []).findIndex(ref => ref.ref !== undefined && component.get(ref.ref) === own));
        }
        const nextOf = (m: ast.Milestone) => m.after[continues.get(m)!]?.ref;
        // A cycle found for one milestone serves every milestone on it whose continuing link follows
        // it, so a ring of n milestones costs one search, not n.
        const known = new Map<ast.Milestone, { cycle: ast.Milestone[]; offset: number }>();
        for (const milestone of milestones) {
            const index = continues.get(milestone) ?? -1;
            if (!local.has(milestone) || index < 0) {
                continue;
            }
            if (!known.has(milestone)) {
                const own = component.get(milestone);
                const path = pathWithin(nextOf(milestone)!, milestone, successors, m => component.get(m) === own);
                const cycle = [milestone, ...path.slice(0, -1)];
                cycle.forEach((member, offset) => {
                    if (!known.has(member) && nextOf(member) === cycle[(offset + 1) % cycle.length]) {
                        known.set(member, { cycle, offset });
                    }
                });
            }
            const { cycle, offset } = known.get(milestone)!;
            report({
                node: milestone,
                property: 'after',
                index,
                message: `\`after\` links form a cycle: ${showCycle(cycle, offset)}; none of these milestones can be reached first`,
            });
        }
    },
};

/** `A → B → A`, starting at `offset`; long cycles are shortened in the middle. */
function showCycle(cycle: readonly ast.Milestone[], offset: number): string {
    const at = (i: number) => cycle[(offset + i) % cycle.length].name;
    const n = cycle.length;
    if (n <= 8) {
        return [...Array.from({ length: n }, (_, i) => at(i)), at(0)].join(' → ');
    }
    return `${[0, 1, 2, 3, 4].map(at).join(' → ')} → … → ${at(n - 1)} → ${at(0)} (${n} milestones)`;
}

/**
 * Tarjan's strongly connected components, iteratively (a long chain of milestones must not
 * overflow the stack). Returns, for every node on a cycle (a component of two or more, or a node
 * linked to itself), its component number; nodes on no cycle are absent.
 */
function stronglyConnected<T>(nodes: readonly T[], successors: (node: T) => T[]): Map<T, number> {
    const index = new Map<T, number>();
    const low = new Map<T, number>();
    const onStack = new Set<T>();
    const stack: T[] = [];
    const result = new Map<T, number>();
    let counter = 0;
    let components = 0;
    for (const root of nodes) {
        if (index.has(root)) {
            continue;
        }
        const work: Array<{ node: T; next: T[]; at: number }> = [];
        const visit = (node: T) => {
            index.set(node, counter);
            low.set(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
            work.push({ node, next: successors(node), at: 0 });
        };
        visit(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.at < frame.next.length) {
                const target = frame.next[frame.at++];
                if (!index.has(target)) {
                    visit(target);
                } else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const members: T[] = [];
                let member: T;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    members.push(member);
                } while (member !== frame.node);
                const selfLoop = members.length === 1 && successors(frame.node).includes(frame.node);
                if (members.length > 1 || selfLoop) {
                    for (const m of members) {
                        result.set(m, components);
                    }
                    components++;
                }
            }
        }
    }
    return result;
}

/** The shortest path from `from` to `to` (both included) through nodes accepted by `inside`. */
function pathWithin<T>(from: T, to: T, successors: (node: T) => T[], inside: (node: T) => boolean): T[] {
    const parent = new Map<T, T | undefined>([[from, undefined]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
        const current = queue[i];
        if (current === to) {
            const path: T[] = [];
            for (let at: T | undefined = current; at !== undefined; at = parent.get(at)) {
                path.unshift(at);
            }
            return path;
        }
        for (const next of successors(current)) {
            if (!parent.has(next) && inside(next)) {
                parent.set(next, current);
                queue.push(next);
            }
        }
    }
    return [from, to];
}
