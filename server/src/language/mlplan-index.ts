import {
    Cancellation, DefaultReferenceDescriptionProvider, interruptAndCheck,
    type LangiumDocument, type ReferenceDescription,
} from 'langium';
import { allNodes, forEachReference } from '../model/ast-walk.js';
import { CANCEL_CHECK_EVERY } from './mlplan-linker.js';

/**
 * The references of a document, for Langium's index (find references, and which documents a
 * change affects). The same descriptions as Langium's provider, in the same order, collected over
 * a plain walk of the tree (model/ast-walk.ts) instead of a stream per node.
 */
export class MlPlanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(
        document: LangiumDocument, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = allNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % CANCEL_CHECK_EVERY === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], info => {
                if (!info.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(info));
                }
            });
        }
        return descriptions;
    }
}
