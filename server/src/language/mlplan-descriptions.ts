import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type NameProvider,
} from 'langium';

/**
 * Langium's descriptions of named nodes, with every position and path computed when first read
 * instead of when the description is made. A plan gets one description per declaration and per
 * dataset field at each build, and most are only ever looked up by name: computing the selection
 * range and the node path of each (walking its syntax tree and its containers) was a visible part
 * of opening a large plan.
 */
export class MlPlanAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly locator: AstNodeLocator;
    private readonly names: NameProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
        this.names = services.references.NameProvider;
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        const described = name ?? this.names.getName(node);
        if (!described) {
            throw new Error(`Node at path ${this.locator.getAstNodePath(node)} has no name.`);
        }
        const { locator, names } = this;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        let path: string | undefined;
        return {
            node,
            name: described,
            type: node.$type,
            documentUri: doc.uri,
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(names.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            },
            get path() {
                return path ??= locator.getAstNodePath(node);
            },
        };
    }
}
