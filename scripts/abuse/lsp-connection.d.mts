// Types of lsp-connection.mjs, for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const BIN: string;
export declare const SERVER_NODE_ARGS: readonly string[];
export declare const BUNDLE: string;
export declare const GC_PROBE: string;
export declare const REQUEST_CANCELLED: -32800;
export declare const CONTENT_MODIFIED: -32801;
export declare const SERVER_CANCELLED: -32802;

export interface JsonRpcError {
    readonly code: number;
    readonly message: string;
    readonly data?: unknown;
}

export interface Answer {
    readonly result?: any;
    readonly error?: JsonRpcError;
}

export interface WireDiagnostic {
    readonly code?: string | number;
    readonly severity?: number;
    readonly message: string;
    readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface ConnectionOptions {
    cwd?: string;
    nodeArgs?: string[];
    env?: Record<string, string>;
    configuration?: (item: { section?: string; scopeUri?: string }) => unknown;
}

export interface MemoryProbe {
    readonly gc: boolean;
    readonly rss: number;
    readonly heapUsed: number;
    readonly heapTotal: number;
    readonly external: number;
    readonly arrayBuffers: number;
    readonly spaces: Record<string, number>;
    readonly snapshot?: string;
}

export declare class LspConnection {
    constructor(options?: ConnectionOptions);
    readonly child: ChildProcess;
    readonly pid: number;
    readonly alive: boolean;
    readonly exited: Promise<void>;
    readonly exitCode: number | null | undefined;
    readonly stderr: string;
    readonly diagnostics: Map<string, WireDiagnostic[]>;
    readonly publishCount: Map<string, number>;
    readonly lastPublishAt: Map<string, number>;
    readonly errorLogs: string[];
    readonly serverRequests: string[];
    send(method: string, params: unknown, timeoutMs?: number): { id: number; answer: Promise<Answer> };
    request(method: string, params: unknown, timeoutMs?: number): Promise<Answer>;
    cancel(id: number): void;
    hold(method: string): void;
    release(): void;
    notify(method: string, params: unknown): void;
    waitFor(method: string, match?: (params: any) => boolean, timeoutMs?: number): Promise<any>;
    diagnosticsFor(uri: string, accept?: (diagnostics: WireDiagnostic[]) => boolean, timeoutMs?: number): Promise<WireDiagnostic[]>;
    publishedBeyond(uri: string, count: number, timeoutMs?: number): Promise<void>;
    initialize(rootUri: string | null, capabilities?: Record<string, unknown>): Promise<Record<string, unknown>>;
    open(uri: string, text: string, version?: number): void;
    rssKb(): number | undefined;
    peakRssKb(): number | undefined;
    probeMemory(probeFile: string, timeoutMs?: number): Promise<MemoryProbe>;
    stop(): Promise<void>;
}

export declare function gcProbeOptions(probeFile: string, snapshotDir?: string): ConnectionOptions;
export declare function sleep(ms: number): Promise<void>;
