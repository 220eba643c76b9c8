import { CstUtils, DefaultCommentProvider, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { isIgnoreDirective } from '../model/ignore-directive.js';

/**
 * A `/** doc *\/` comment documents the declaration below it even when `// mlplan-ignore` lines
 * stand between them: the ignore directive must sit directly above the line it silences, so it
 * often lands between a declaration and its doc comment (the quick-fix puts it there too).
 */
export class MlPlanCommentProvider extends DefaultCommentProvider {
    override getComment(node: AstNode): string | undefined {
        let previous: CstNode | undefined = node.$cstNode ? CstUtils.getPreviousNode(node.$cstNode, true) : undefined;
        let skipped = false;
        while (previous && isLeafCstNode(previous) && previous.hidden && previous.tokenType.name === 'SL_COMMENT' && isIgnoreDirective(previous.text)) {
            previous = CstUtils.getPreviousNode(previous, true);
            skipped = true;
        }
        if (skipped) {
            return previous && isLeafCstNode(previous) && previous.tokenType.name === 'ML_COMMENT' ? previous.text : undefined;
        }
        return super.getComment(node);
    }
}
