/**
 * A unified diff of two texts (what `fix --dry-run` prints), as `diff -u` and `git diff` write it:
 * `--- a/FILE`, `+++ b/FILE`, then hunks `@@ -l,n +l,n @@` with three lines of context.
 * The lines common to both ends are set aside first; the middle is aligned by a longest common
 * subsequence when it is small enough, else shown as removed and added as a whole (still a
 * correct diff, only a less minimal one).
 */

const CONTEXT = 3;
/** Above this many cells (lines of one side × lines of the other), the middle is not aligned. */
const MAX_CELLS = 4_000_000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
    if (oldText === newText) {
        return '';
    }
    // Each line keeps its line break, so that a last line without one differs from the same line with one.
    const ops = align(splitLines(oldText), splitLines(newText));
    const out = [`--- ${oldName}`, `+++ ${newName}`];
    for (const hunk of hunks(ops)) {
        out.push(hunk.header);
        for (const op of hunk.ops) {
            const ended = op.line.endsWith('\n');
            out.push(`${op.kind}${ended ? op.line.slice(0, -1).replace(/\r$/, '') : op.line}`);
            if (!ended) {
                out.push('\\ No newline at end of file');
            }
        }
    }
    return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function align(a: readonly string[], b: readonly string[]): Op[] {
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
        prefix++;
    }
    let suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) {
        suffix++;
    }
    const midA = a.slice(prefix, a.length - suffix);
    const midB = b.slice(prefix, b.length - suffix);
    return [
        ...a.slice(0, prefix).map(line => ({ kind: ' ' as const, line })),
        ...alignMiddle(midA, midB),
        ...a.slice(a.length - suffix).map(line => ({ kind: ' ' as const, line })),
    ];
}

function alignMiddle(a: readonly string[], b: readonly string[]): Op[] {
    const n = a.length;
    const m = b.length;
    if (n * m > MAX_CELLS || n === 0 || m === 0) {
        return [...a.map(line => ({ kind: '-' as const, line })), ...b.map(line => ({ kind: '+' as const, line }))];
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i * width + j] = a[i] === b[j]
                ? lcs[(i + 1) * width + j + 1] + 1
                : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
        }
    }
    const ops: Op[] = [];
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
        if (a[i] === b[j]) {
            ops.push({ kind: ' ', line: a[i] });
            i++;
            j++;
        } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
            ops.push({ kind: '-', line: a[i++] });
        } else {
            ops.push({ kind: '+', line: b[j++] });
        }
    }
    while (i < n) {
        ops.push({ kind: '-', line: a[i++] });
    }
    while (j < m) {
        ops.push({ kind: '+', line: b[j++] });
    }
    return ops;
}

interface Hunk {
    readonly header: string;
    readonly ops: readonly Op[];
}

function hunks(ops: readonly Op[]): Hunk[] {
    const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter(i => i >= 0);
    const result: Hunk[] = [];
    let k = 0;
    while (k < changed.length) {
        const start = Math.max(0, changed[k] - CONTEXT);
        let end = Math.min(ops.length, changed[k] + CONTEXT + 1);
        k++;
        // Changes closer than two contexts apart share a hunk.
        while (k < changed.length && changed[k] - CONTEXT <= end) {
            end = Math.min(ops.length, changed[k] + CONTEXT + 1);
            k++;
        }
        let oldLine = 1;
        let newLine = 1;
        for (let i = 0; i < start; i++) {
            if (ops[i].kind !== '+') {
                oldLine++;
            }
            if (ops[i].kind !== '-') {
                newLine++;
            }
        }
        const slice = ops.slice(start, end);
        const oldCount = slice.filter(op => op.kind !== '+').length;
        const newCount = slice.filter(op => op.kind !== '-').length;
        result.push({
            header: `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@`,
            ops: slice,
        });
    }
    return result;
}

/** `l,n`, as diff writes it: an empty side starts one line earlier, and `,1` is left out. */
function range(start: number, count: number): string {
    if (count === 0) {
        return `${start - 1},0`;
    }
    return count === 1 ? `${start}` : `${start},${count}`;
}
