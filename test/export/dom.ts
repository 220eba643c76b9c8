import { parseHTML } from 'linkedom';

/**
 * The little of the DOM these tests read, typed here because the project's TypeScript setup has
 * no DOM library. Documents come from linkedom (no browser).
 */
export interface DomElement {
    readonly tagName: string;
    readonly textContent: string | null;
    readonly children: ArrayLike<DomElement>;
    readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
    getAttribute(name: string): string | null;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

export interface DomDocument extends DomElement {
    readonly body: DomElement;
}

export function parseDocument(html: string): DomDocument {
    return parseHTML(html).document as unknown as DomDocument;
}
