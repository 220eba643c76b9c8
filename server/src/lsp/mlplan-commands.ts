import { DocumentState, URI, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import type { Document } from '../generated/ast.js';
import type { MlPlanLspServices } from './lsp-services.js';
import { buildExportModel, EXPORT_FORMATS, exportInputOf, exportRefusal, renderExport, type ExportFormat } from '../export/index.js';
import { readinessReportMarkdown, reportDiagnostics, type ReportDiagnostic } from '../export/readiness-checklist.js';
import { readinessOf } from '../rules/readiness.js';

/** Server-side commands, callable by any LSP client through `workspace/executeCommand`. */
export const READINESS_REPORT_COMMAND = 'mlplan.readinessReport';
export const EXPORT_COMMAND = 'mlplan.export';

/** What `mlplan.export` answers: the rendered text, or why the plan cannot be exported. */
export interface ExportResult {
    readonly uri: string;
    readonly format: ExportFormat;
    readonly text?: string;
    readonly refused?: string;
}

export interface ReadinessReport {
    readonly uri: string;
    readonly plan?: string;
    readonly stage: string;
    readonly satisfied: number;
    readonly applicable: number;
    /** Error-severity diagnostics of the document: while there are any, the plan is not ready. */
    readonly blockers: number;
    /** Every open diagnostic of the document, of every rule, by position. */
    readonly diagnostics: readonly ReportDiagnostic[];
    /** The checklist, then the open diagnostics grouped by severity. */
    readonly markdown: string;
}

export class MlPlanCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(READINESS_REPORT_COMMAND, args => this.readinessReport(args[0]));
        accept(EXPORT_COMMAND, args => this.export(args[0], args[1]));
    }

    /** The plan rendered by the same exporters as `mlplan export`, from the editor's current text. */
    private async export(uriText: unknown, format: unknown = 'markdown'): Promise<ExportResult | undefined> {
        const found = await this.validated(uriText);
        if (!found || !EXPORT_FORMATS.includes(format as ExportFormat)) {
            return undefined;
        }
        const { document, services } = found;
        const refused = exportRefusal(document);
        if (refused) {
            return { uri: String(uriText), format: format as ExportFormat, refused };
        }
        const text = renderExport(buildExportModel(exportInputOf(services, document)), format as ExportFormat);
        return { uri: String(uriText), format: format as ExportFormat, text };
    }

    /** A document of the workspace once its current text is validated, with its language services. */
    private async validated(uriText: unknown): Promise<{ document: LangiumDocument<Document>; services: MlPlanLspServices } | undefined> {
        if (typeof uriText !== 'string') {
            return undefined;
        }
        const uri = URI.parse(uriText);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) {
            return undefined;
        }
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
        const services = this.shared.ServiceRegistry.getServices(uri) as MlPlanLspServices;
        return { document: documents.getDocument(uri) as LangiumDocument<Document>, services };
    }

    /** The readiness checklist and open diagnostics of a plan that is open or in the workspace, after its current build. */
    private async readinessReport(uriText: unknown): Promise<ReadinessReport | undefined> {
        const found = await this.validated(uriText);
        if (!found) {
            return undefined;
        }
        const { document, services } = found;
        const root = document.parseResult.value;
        const readiness = readinessOf(services.facts.PlanFacts.of(document));
        const title = root.plan ? `Readiness of plan \`${root.plan.name}\`` : 'Readiness';
        const diagnostics = reportDiagnostics(document.diagnostics ?? []);
        return {
            uri: String(uriText),
            plan: root.plan?.name,
            stage: readiness.stage,
            satisfied: readiness.satisfied,
            applicable: readiness.applicable,
            blockers: readiness.blockers,
            diagnostics,
            markdown: readinessReportMarkdown(title, readiness, diagnostics),
        };
    }
}
