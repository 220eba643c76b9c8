/**
 * Replaces a `vscode.window` function for the length of a test: the suite runs in the extension's
 * own API instance (its tests live inside the extension's folder), so the extension calls the stub.
 * Used for what would otherwise wait on a person: modal questions, save dialogs, status messages.
 */
import * as vscode from 'vscode';

type WindowApi = typeof vscode.window;

export interface Stub {
    readonly calls: unknown[][];
    restore(): void;
}

export function stubWindow<K extends keyof WindowApi>(name: K, answer: (...args: unknown[]) => unknown): Stub {
    const target = vscode.window as unknown as Record<string, unknown>;
    const original = target[name];
    const calls: unknown[][] = [];
    const stub = (...args: unknown[]) => {
        calls.push(args);
        return answer(...args);
    };
    target[name] = stub;
    if (target[name] !== stub) {
        throw new Error(`vscode.window.${String(name)} cannot be replaced in this extension host`);
    }
    return { calls, restore: () => { target[name] = original; } };
}

/** Restores every stub, whatever happened. */
export async function withStubs<T>(stubs: readonly Stub[], body: () => Promise<T>): Promise<T> {
    try {
        return await body();
    } finally {
        for (const stub of stubs) {
            stub.restore();
        }
    }
}
