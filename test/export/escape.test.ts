import { describe, expect, test } from 'vitest';
import { escapeHtml, htmlLink, htmlWithCode } from '../../server/src/export/html-escape.js';
import {
    escapeMarkdownText, markdownCode, markdownLink, markdownTable, markdownWithCode,
} from '../../server/src/export/markdown-escape.js';
import { safeWebUrl } from '../../server/src/export/safe-url.js';
import { parseDocument, type DomDocument } from './dom.js';
import { gfmLikeParser } from './markdown-check.js';

const md = gfmLikeParser();

function rendered(markdown: string): DomDocument {
    return parseDocument(`<!DOCTYPE html><html><body>${md.render(markdown)}</body></html>`);
}

/** Text a plan may hold; each must come out of a renderer as exactly this text, in one paragraph. */
const TRICKY = [
    '# not a heading', '## neither', '#hashtag is fine', '- not a bullet', '+ nor this', '* nor this', '---', '***', '___',
    '1. not a list', '2) nor this', '> not a quote', '=== not a setext underline', '    not code',
    '<script>alert(1)</script>', '<b>bold</b>', '<!-- comment -->', '<http://example.com>', '<a@b.c>',
    '**bold** __bold__ *em* _em_ ~~strike~~ ~sub~', '`code` ``code``', '[link](javascript:alert(1))', '![img](x.png)',
    '[ref]: http://x', 'a | b | c', '\\ backslash \\\\ two', 'R&D &amp; &lt;b&gt; &#35;', 'snake_case_name and _x_',
    '0.64', '99.5 %', '3 < 4 > 2', 'x <y', 'trailing backslash \\', ':smile: @someone', 'javascript:alert(1)',
    'risk-leads@example.com', 'mailto:a@b.c', 'ftp://files.example/x', '//evil.example/x',
];

describe('escapeMarkdownText', () => {
    test.each(TRICKY)('%s renders as itself, as one paragraph, without HTML or non-http links', text => {
        const document = rendered(escapeMarkdownText(text));
        const body = document.body;
        expect(body.children.length).toBe(1);
        expect(body.children[0].tagName.toLowerCase()).toBe('p');
        // A renderer may autolink an http(s) address in the text (GitHub does); nothing else.
        for (const element of body.children[0].querySelectorAll('*')) {
            expect(element.tagName.toLowerCase()).toBe('a');
            expect(element.getAttribute('href')).toMatch(/^https?:\/\//);
        }
        expect(body.textContent?.trim()).toBe(text.trim());
    });

    test('line breaks become spaces', () => {
        expect(escapeMarkdownText('one\ntwo\r\nthree\u2028four')).toBe('one two three four');
    });

    test('stays readable: only what could mean something is escaped', () => {
        expect(escapeMarkdownText('warehouse://analytics.subscribers_q3')).toBe('warehouse://analytics.subscribers_q3');
        expect(escapeMarkdownText('R&D, 3 < 4, x.y (z)')).toBe('R&D, 3 < 4, x.y (z)');
        expect(escapeMarkdownText('# a | b <i>')).toBe('\\# a \\| b &lt;i&gt;');
        expect(escapeMarkdownText('a > b >= c')).toBe('a > b >= c');
    });
});

describe('tables', () => {
    test.each(TRICKY)('a cell holding %s keeps the row intact', text => {
        const markdown = markdownTable(['A', 'B', 'C'], [[escapeMarkdownText(text), markdownCode(text), 'end']]);
        const document = rendered(markdown);
        const cells = Array.from(document.querySelectorAll('tbody td')).map(td => td.textContent);
        expect(cells).toEqual([text.trim().replace(/\s+/g, ' '), text.trim().replace(/\s+/g, ' '), 'end']);
        for (const element of document.querySelectorAll('tbody td *:not(code)')) {
            expect(element.getAttribute('href')).toMatch(/^https?:\/\//);
        }
    });

    test('an empty cell shows a dash', () => {
        expect(markdownTable(['A', 'B'], [['x', '']])).toBe('| A | B |\n| --- | --- |\n| x | — |');
    });
});

describe('markdownCode', () => {
    test.each(['a`b', '``x``', '`edge`', ' spaced ', 'plain_name'])('%s is one code span with the text', text => {
        const document = rendered(markdownCode(text));
        expect(document.querySelectorAll('code').length).toBe(1);
        expect(document.querySelector('code')?.textContent).toBe(text.trim());
    });

    test('a pipe in a code span is escaped for tables, where it reads as a pipe', () => {
        const document = rendered(markdownTable(['A', 'B'], [[markdownCode('a|b'), 'x']]));
        expect(document.querySelector('td code')?.textContent).toBe('a|b');
    });
});

describe('links', () => {
    test('http(s) addresses become links; their text cannot break out', () => {
        expect(markdownLink('https://grafana.example/d/churn')).toBe('[https://grafana.example/d/churn](<https://grafana.example/d/churn>)');
        const tricky = 'https://x.example/a)b|c<e>?q="1"#f';
        const cell = markdownTable(['Dashboard', 'Next'], [[markdownLink(tricky), 'after']]);
        const document = rendered(cell);
        const link = document.querySelector('a');
        expect(link?.getAttribute('href')).toBe(safeWebUrl(tricky)!.replace(/[|()]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
        expect(Array.from(document.querySelectorAll('tbody td')).map(td => td.textContent)[1]).toBe('after');
    });

    test.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd',
        'vscode://x', '//evil.example/x', 'https://good.example@evil.example/', 'https://', 'http://exa mple.com', 'mailto:a@b.c'])(
        '%s is never made a link', url => {
            expect(safeWebUrl(url)).toBeUndefined();
            expect(markdownLink(url)).toBe(escapeMarkdownText(url));
            // What a renderer may still autolink inside the text is an http(s) address, never this one.
            for (const link of rendered(markdownLink(url)).querySelectorAll('a')) {
                expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
                expect(link.getAttribute('href')).not.toBe(url.trim());
            }
            expect(htmlLink(url)).not.toContain('<a');
            expect(htmlLink(url)).toBe(escapeHtml(url.trim()));
        });

    test('the HTML link is escaped and does not share the window', () => {
        expect(htmlLink('https://x.example/?a="b"&c=<d>')).toBe('<a href="https://x.example/?a=%22b%22&amp;c=%3Cd%3E" class="bare" rel="noopener noreferrer nofollow">https://x.example/?a=%22b%22&amp;c=%3Cd%3E</a>');
    });
});

describe('messages with `names`', () => {
    test('names become code, the rest is escaped text', () => {
        expect(markdownWithCode('model `m` has <no> evaluation | x')).toBe('model `m` has &lt;no&gt; evaluation \\| x');
        expect(htmlWithCode('model `m` has <no> evaluation')).toBe('model <code>m</code> has &lt;no&gt; evaluation');
        expect(markdownWithCode('# odd `unbalanced')).toBe('\\# odd \\`unbalanced');
    });
});

describe('escapeHtml', () => {
    test('escapes the five HTML-significant characters', () => {
        expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    });
});
