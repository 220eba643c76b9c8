// Hovers on dates: the weekday, and where the date falls against the plan's start and deadline.
import { expect, test } from 'vitest';
import { positionOf } from '../support/diagnostics.js';
import { check, createEditorTestServices } from '../support/services.js';

const services = createEditorTestServices();

/** The hover's Markdown on the first occurrence of `needle` in `text`. */
async function hoverText(text: string, needle: string): Promise<string> {
    const { document } = await check(services, text);
    const position = positionOf(document, needle, 1, 1);
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return (hover?.contents as { value: string } | undefined)?.value ?? '';
}

const PLAN = `plan P {
  start 2026-01-05
  deadline 2026-09-30
  milestone M { due 2026-10-02 }
  metric churn { kind business unit % better lower }
  objective O { kpi churn <= 3 % by 2026-09-29 }
  rollout { strategy canary starts 2026-03-02 stage 100 % }
}`;

test('a date shows its weekday and its distance to the plan start and deadline', async () => {
    expect(await hoverText(PLAN, '2026-09-29')).toBe('`2026-09-29`: a Tuesday; 267 days after the plan start 2026-01-05; 1 day before the deadline 2026-09-30');
    // (past-deadline's finding on that date comes first, the date line after it.)
    const late = (await hoverText(PLAN, '2026-10-02')).split('\n');
    expect(late[0]).toMatch(/^\*\*`past-deadline`\*\*: /);
    expect(late[late.indexOf('---') + 2]).toBe('`2026-10-02`: a Friday; 270 days after the plan start 2026-01-05; 2 days **after** the deadline 2026-09-30');
    expect(await hoverText(PLAN, '2026-01-05')).toBe('`2026-01-05`: a Monday; 268 days before the deadline 2026-09-30');
    expect(await hoverText(PLAN, '2026-09-30')).toBe('`2026-09-30`: a Wednesday; 268 days after the plan start 2026-01-05');
});

test('the rollout start date keeps its schedule after the date line', async () => {
    const hover = await hoverText(PLAN, '2026-03-02');
    expect(hover.startsWith('`2026-03-02`: a Monday; 56 days after the plan start 2026-01-05; 212 days before the deadline 2026-09-30\n\n')).toBe(true);
});
