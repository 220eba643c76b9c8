import { DocumentState, URI, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import type { Document } from '../generated/ast.js';
import type { MlPlanServices } from '../language/mlplan-module.js';
import { readinessChecklistMarkdown } from '../export/readiness-checklist.js';
import { readinessOf } from '../rules/readiness.js';

/** Server-side commands, callable by any LSP client through `workspace/executeCommand`. */
export const READINESS_REPORT_COMMAND = 'mlplan.readinessReport';

export interface ReadinessReport {
    readonly uri: string;
    readonly plan?: string;
    readonly stage: string;
    readonly satisfied: number;
    readonly applicable: number;
    readonly markdown: string;
}

export class MlPlanCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(READINESS_REPORT_COMMAND, args => this.readinessReport(args[0]));
    }

    /** The readiness checklist of a plan that is open or in the workspace, after its current build. */
    private async readinessReport(uriText: unknown): Promise<ReadinessReport | undefined> {
        if (typeof uriText !== 'string') {
            return undefined;
        }
        const uri = URI.parse(uriText);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) {
            return undefined;
        }
        const services = this.shared.ServiceRegistry.getServices(uri) as MlPlanServices;
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
        const document = documents.getDocument(uri) as LangiumDocument<Document>;
        const root = document.parseResult.value;
        const readiness = readinessOf(document, services.config.Configuration.rulesFor(uri));
        const title = root.plan ? `Readiness of plan \`${root.plan.name}\`` : 'Readiness';
        return {
            uri: uriText,
            plan: root.plan?.name,
            stage: readiness.stage,
            satisfied: readiness.satisfied,
            applicable: readiness.applicable,
            markdown: `# ${title}\n\n${readinessChecklistMarkdown(readiness)}`,
        };
    }
}
