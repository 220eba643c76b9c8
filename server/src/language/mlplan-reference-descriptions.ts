import {
    Cancellation, CstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, isReference, UriUtils,
    type AstNodeDescription, type LangiumDocument, type ReferenceDescription, type ReferenceInfo,
} from 'langium';
import { allNodes, forEachReference } from '../model/ast-walk.js';
import { CANCEL_CHECK_EVERY } from './mlplan-linker.js';

/**
 * The references of a document, for Langium's index (find references, and which documents a
 * change affects). The same descriptions as Langium's provider, in the same order, collected over
 * a plain walk of the tree (model/ast-walk.ts) instead of a stream per node, and with the path of
 * each container computed once for all the references it holds.
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
            let sourcePath: string | undefined;
            forEachReference(nodes[i], info => {
                if (info.reference.error) {
                    return;
                }
                if (!isReference(info.reference)) {
                    // Multi-references (none in this grammar): Langium's own way.
                    descriptions.push(...this.createInfoDescriptions(info));
                    return;
                }
                sourcePath ??= this.nodeLocator.getAstNodePath(nodes[i]);
                const description = this.describe(info, info.reference.$nodeDescription, document, sourcePath);
                if (description) {
                    descriptions.push(description);
                }
            });
        }
        return descriptions;
    }

    /** What Langium's `createInfoDescriptions` makes of a single reference, given its container's path. */
    private describe(info: ReferenceInfo, target: AstNodeDescription | undefined, document: LangiumDocument, sourcePath: string): ReferenceDescription | undefined {
        const refNode = info.reference.$refNode;
        if (!target || !refNode) {
            return undefined;
        }
        return {
            sourceUri: document.uri,
            sourcePath,
            targetUri: target.documentUri,
            targetPath: target.path,
            segment: CstUtils.toDocumentSegment(refNode),
            local: UriUtils.equals(target.documentUri, document.uri),
        };
    }
}
