// Types of scenarios.mjs, for the TypeScript tests that import it.
import type { JsonRpcError, LspConnection } from './lsp-connection.mjs';
import type { Position } from './plans.mjs';

export type AnswerKind = 'result' | 'cancelled' | 'content-modified' | 'server-cancelled' | 'error';

export interface RequestAnswer {
    readonly uri?: string;
    readonly method: string;
    readonly where: string;
    readonly kind: AnswerKind;
    readonly error?: JsonRpcError;
}

export declare function tempWorkspace(files?: Record<string, string | Buffer>): string;
export declare function hostilePositions(text: string): Position[];
export declare function requestsEverywhere(connection: LspConnection, uri: string, positions: Position[]): Promise<{ answers: RequestAnswer[]; problems: string[] }>;

export declare function rapidEdits(options?: { count?: number; seed?: number; requestEvery?: number; cancelRatio?: number; maxTypedLines?: number }): Promise<{
    problems: string[];
    edits: number;
    sendSeconds: number;
    settleSeconds: number;
    editsPerSecond: number;
    requests: number;
    outcomes: Record<AnswerKind, number>;
    publishes: number;
    finalDiagnostics: string[];
    hover: string;
    rssKb: number | undefined;
}>;

export declare function outOfRange(): Promise<{ answers: RequestAnswer[]; problems: string[]; errors: RequestAnswer[] }>;

export declare function unknownDocuments(): Promise<{ answers: RequestAnswer[]; problems: string[]; published: string[] }>;

export declare function hugePlan(options?: { bytes?: number; timeoutMs?: number }): Promise<{
    problems: string[];
    bytes: number;
    lines: number;
    diagnostics: number;
    openSeconds: number;
    earlyHover: { seconds: number; kind: AnswerKind };
    editSeconds: number[];
    hoverSeconds: number;
    symbolsSeconds: number;
    rssAfterOpenKb: number | undefined;
    rssKb: number | undefined;
    peakRssKb: number | undefined;
}>;

export declare function binaryFiles(options?: { size?: number }): Promise<{
    problems: string[];
    results: Record<string, { diagnostics: number; codes: string[]; errors: number }>;
    phases: Record<string, number>;
}>;

export interface MemorySample {
    readonly label: string;
    readonly edits: number;
    readonly idleRssKb: number;
    readonly gcRssKb: number;
    readonly heapUsedKb: number;
    readonly heapTotalKb: number;
    readonly codeKb: number;
    readonly dataHeapKb: number;
    readonly externalKb: number;
    readonly snapshot?: string;
}

export declare function memoryGrowth(options?: { count?: number; early?: number; seed?: number; burst?: number; snapshotDir?: string; sampleEvery?: number }): Promise<{
    problems: string[];
    edits: number;
    seconds: number;
    editsPerSecond: number;
    samples: MemorySample[];
    growth: { idle: number; gc: number; heap: number };
}>;
