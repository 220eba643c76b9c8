/**
 * Text inside Mermaid diagrams. Mermaid reads `%%{…}%%` as a configuration directive anywhere in
 * the text, `%%` as a comment, `#name;` as an entity, HTML in labels, and keywords such as `click
 * … call` at the start of a line; a quote or bracket ends a node label. Plan text is therefore
 * never written raw: labels keep a small set of harmless characters and encode everything else as
 * Mermaid entity codes (`#35;`), and Gantt task names, which cannot hold entity codes, keep only
 * harmless characters.
 */

/** Characters a quoted flowchart label shows as they are. */
const LABEL_SAFE = /[A-Za-z0-9 _.,:/+\-=()'≤≥×·—]/;

/**
 * A quoted flowchart node label: `["…"]` with `"` `#` `<` `>` `&` `` ` `` `[` `]` `{` `}` `|` `;`
 * `\`, a `%` next to another `%`, and every other character outside the safe set written as
 * `#<code>;`.
 */
export function mermaidLabel(text: string): string {
    const characters = [...text.replace(/\s+/g, ' ').trim()];
    const out = characters.map((character, i) => {
        // A lone `%` (as in `5 %`) is harmless; `%%` would start a comment or a directive.
        const keep = LABEL_SAFE.test(character) || (character === '%' && characters[i - 1] !== '%' && characters[i + 1] !== '%');
        return keep ? character : `#${character.codePointAt(0)};`;
    });
    return `"${out.join('')}"`;
}

/** Gantt keywords that would be read as a statement if a task name started with them. */
const GANTT_KEYWORDS = new Set([
    'accdescr', 'accdescription', 'acctitle', 'axisformat', 'call', 'click', 'dateformat', 'excludes',
    'gantt', 'href', 'inclusiveenddates', 'includes', 'section', 'tickinterval', 'title', 'todaymarker',
    'topaxis', 'weekday', 'weekend',
]);

/**
 * A Gantt task or section name: letters, digits, spaces and `_ . , ( ) ' / + -` only (a `:` would
 * end the name, a `#` or `%` start a comment, a `;` end the statement). A name that starts with a
 * Gantt keyword gets a neutral prefix; an empty one becomes `untitled`.
 */
export function mermaidGanttText(text: string, prefix = 'Milestone'): string {
    const kept = text.replace(/[^A-Za-z0-9 _.,()'/+\-]/g, ' ').replace(/\s+/g, ' ').trim();
    if (kept.length === 0) {
        return 'untitled';
    }
    const first = kept.split(/[\s]/)[0].toLowerCase();
    return GANTT_KEYWORDS.has(first) ? `${prefix} ${kept}` : kept;
}

/** A Mermaid node or task id we generate ourselves: lower-case letters and digits, never a keyword. */
export function mermaidId(prefix: string, index: number): string {
    return `${prefix.replace(/[^a-z]/g, '') || 'n'}${index}`;
}
