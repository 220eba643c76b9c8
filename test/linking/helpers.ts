import { isReference, type LangiumDocument, type Reference } from 'langium';

/** The document's single-valued references (mlplan has no multi-references), for assertions on targets. */
export function referencesOf(document: LangiumDocument): Reference[] {
    return document.references.filter(isReference);
}
