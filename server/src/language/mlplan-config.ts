import * as fs from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';
import { SEVERITY_SETTINGS, type RuleSettings, type SeveritySetting } from '../model/rule-settings.js';
import { isInside } from './path-inside.js';

export const CONFIG_FILE_NAME = 'mlplan.config.json';
const SETTINGS: ReadonlySet<string> = new Set(SEVERITY_SETTINGS);

/** The rule codes a configuration may name; any other is warned about and ignored. */
export type KnownCodes = ReadonlySet<string>;

/** A configuration file that cannot be used; the message is one line, naming the file. */
export class ConfigError extends Error {}

export interface LoadedConfig {
    readonly file: string;
    readonly rules: RuleSettings;
    /** Problems that do not prevent using the file, such as an unknown rule code. */
    readonly warnings: readonly string[];
}

/**
 * Per-rule severities (LANGUAGE.md section 6). The file is `mlplan.config.json` in the nearest
 * parent directory of the plan, unless one is given explicitly (`--config`); editor settings
 * (`mlplan.rules`) win over the file.
 */
export class MlPlanConfiguration {
    private explicitFile: string | undefined;
    /** In an editor: the workspace folders. The search for a configuration file stops at them. */
    private searchRoots: string[] = [];
    private editorRules: RuleSettings = {};
    private readonly byDirectory = new Map<string, LoadedConfig | undefined>();
    private readonly problems = new Map<string, string>();
    private readonly listeners: Array<() => void> = [];

    constructor(private readonly knownCodes: KnownCodes) {}

    /** Calls `listener` whenever what `rulesFor` answers may have changed. */
    onChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    private changed(): void {
        this.listeners.forEach(listener => listener());
    }

    /** Use this file for every plan instead of searching parent directories. Throws ConfigError. */
    useFile(file: string): LoadedConfig {
        const loaded = loadConfigFile(file, this.knownCodes);
        this.explicitFile = file;
        this.byDirectory.clear();
        this.changed();
        return loaded;
    }

    /**
     * LANGUAGE.md section 6: in an editor the file is the workspace root's. Searching stops at the
     * workspace folder that contains the plan, so a file above the workspace never applies.
     */
    setSearchRoots(roots: string[]): void {
        this.searchRoots = roots.map(root => path.resolve(root));
        this.byDirectory.clear();
        this.changed();
    }

    setEditorRules(rules: unknown): void {
        this.editorRules = parseRules(rules, 'the mlplan.rules setting', [], this.knownCodes);
        this.changed();
    }

    /** Forget what was read, e.g. after a configuration file changed. */
    reload(): void {
        this.byDirectory.clear();
        this.problems.clear();
        this.changed();
    }

    /** Configuration files that could not be used, with their one-line reasons. */
    getProblems(): string[] {
        return [...this.problems.values()];
    }

    /** The configuration that applies to a plan, or undefined when none is found. */
    configFor(uri: URI): LoadedConfig | undefined {
        if (this.explicitFile) {
            return this.load(this.explicitFile);
        }
        if (uri.scheme !== 'file') {
            return undefined;
        }
        const directory = path.dirname(uri.fsPath);
        if (this.searchRoots.length > 0 && !this.searchRoots.some(root => isInside(root, directory))) {
            return undefined;
        }
        return this.findFrom(directory);
    }

    /** The effective severity settings for a plan: file, then editor settings on top. */
    rulesFor(uri: URI): RuleSettings {
        return { ...this.configFor(uri)?.rules, ...this.editorRules };
    }

    private findFrom(directory: string): LoadedConfig | undefined {
        if (this.byDirectory.has(directory)) {
            return this.byDirectory.get(directory);
        }
        const candidate = path.join(directory, CONFIG_FILE_NAME);
        const parent = path.dirname(directory);
        const atBoundary = parent === directory || this.searchRoots.includes(directory);
        const found = fs.existsSync(candidate)
            ? this.load(candidate)
            : atBoundary ? undefined : this.findFrom(parent);
        this.byDirectory.set(directory, found);
        return found;
    }

    private load(file: string): LoadedConfig | undefined {
        try {
            return loadConfigFile(file, this.knownCodes);
        } catch (error) {
            this.problems.set(file, error instanceof Error ? error.message : String(error));
            return undefined;
        }
    }
}

/** Reads and checks a configuration file. Throws ConfigError with a one-line reason. */
export function loadConfigFile(file: string, knownCodes: KnownCodes): LoadedConfig {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read';
        throw new ConfigError(`${file}: ${reason}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new ConfigError(`${file}: expected a JSON object such as {"rules": {"risk-missing": "off"}}`);
    }
    const warnings: string[] = [];
    const rules = parseRules((json as { rules?: unknown }).rules ?? {}, file, warnings, knownCodes);
    return { file, rules, warnings };
}

function parseRules(value: unknown, where: string, warnings: string[], knownCodes: KnownCodes): RuleSettings {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ConfigError(`${where}: "rules" must be an object mapping rule codes to error, warning, info, hint or off`);
    }
    const rules: Record<string, SeveritySetting> = {};
    for (const [code, setting] of Object.entries(value)) {
        if (typeof setting !== 'string' || !SETTINGS.has(setting)) {
            throw new ConfigError(`${where}: rule "${code}" has severity ${JSON.stringify(setting)}; use error, warning, info, hint or off`);
        }
        if (!knownCodes.has(code)) {
            warnings.push(`${where}: unknown rule code "${code}" (ignored)`);
            continue;
        }
        rules[code] = setting as SeveritySetting;
    }
    return rules;
}
