import * as fs from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';
import { SEVERITY_SETTINGS, type RuleSettings, type SeveritySetting } from '../model/rule-settings.js';
import { nearestNames } from './mlplan-linker.js';
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
    /** Every configuration file looked at since the last reload, usable or not. */
    private readonly read = new Set<string>();
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

    /** Throws ConfigError when the setting cannot be used; returns what was ignored in it (unknown codes). */
    setEditorRules(rules: unknown): readonly string[] {
        const warnings: string[] = [];
        this.editorRules = parseRules(rules, 'the mlplan.rules setting', warnings, this.knownCodes);
        this.changed();
        return warnings;
    }

    /** Forget what was read, e.g. after a configuration file changed. */
    reload(): void {
        this.byDirectory.clear();
        this.problems.clear();
        this.read.clear();
        this.changed();
    }

    /** The configuration files read since the last reload, whether they could be used or not. */
    filesRead(): string[] {
        return [...this.read];
    }

    /**
     * The problems of a configuration file at their places in its text, for an editor to show them
     * in the file itself; undefined when the file cannot be read (e.g. it was deleted).
     */
    locateProblems(file: string): { readonly text: string; readonly problems: readonly LocatedConfigProblem[] } | undefined {
        let text: string;
        try {
            text = fs.readFileSync(file, 'utf8');
        } catch {
            return undefined;
        }
        return { text, problems: locateConfigProblems(text, this.knownCodes) };
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
        this.read.add(file);
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

/** The codes of the problems an editor shows in a configuration file (never in a plan). */
export type ConfigProblemCode = 'config-invalid-json' | 'config-invalid-shape' | 'config-invalid-severity' | 'config-unknown-rule';

/** A problem of a configuration file at its place in the text (UTF-16 offsets, `end` exclusive). */
export interface LocatedConfigProblem {
    readonly start: number;
    readonly end: number;
    /** `error`: the file cannot be used at all; `warning`: the file is used without that entry. */
    readonly severity: 'error' | 'warning';
    readonly code: ConfigProblemCode;
    /** Code and values in backticks, like the messages of plans. */
    readonly message: string;
}

/**
 * What `loadConfigFile` refuses or warns about, each where it is written: a JSON syntax error at the
 * offending character, an invalid `rules` or severity on the value, an unknown rule code on the key
 * (with the nearest known code). Unlike the reader, which stops at the first invalid severity, it
 * reports them all. What counts as JSON is what JSON.parse accepts (a test compares the two); the
 * scanner exists because V8's messages do not always say where (e.g. at the end of the input).
 */
export function locateConfigProblems(text: string, knownCodes: KnownCodes): LocatedConfigProblem[] {
    let root: JsonValue;
    try {
        root = new JsonScanner(text).document();
    } catch (error) {
        if (error instanceof JsonSyntaxError) {
            return [{ start: error.start, end: error.end, severity: 'error', code: 'config-invalid-json', message: `not valid JSON: ${error.reason}` }];
        }
        return []; // nested deeper than the stack: nothing to point at
    }
    if (root.kind !== 'object') {
        return [at(root, 'error', 'config-invalid-shape', 'expected a JSON object such as `{"rules": {"risk-missing": "off"}}`')];
    }
    const rules = root.members.get('rules')?.value;
    if (!rules || rules.kind === 'null') {
        return [];
    }
    if (rules.kind !== 'object') {
        return [at(rules, 'error', 'config-invalid-shape', '`rules` must be an object mapping rule codes to error, warning, info, hint or off')];
    }
    const problems: LocatedConfigProblem[] = [];
    for (const [code, member] of rules.members) {
        const value = member.value;
        if (value.kind !== 'string' || !SETTINGS.has(value.value)) {
            const [suggestion] = value.kind === 'string' ? nearestNames(value.value, SEVERITY_SETTINGS, 1) : [];
            problems.push(at(value, 'error', 'config-invalid-severity', `\`${excerpt(text.slice(value.start, value.end))}\` is not a severity: use error, warning, info, hint or off${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}`));
        }
        if (!knownCodes.has(code)) {
            const [suggestion] = nearestNames(code, [...knownCodes], 1);
            problems.push({
                start: member.keyStart, end: member.keyEnd, severity: 'warning', code: 'config-unknown-rule',
                message: suggestion ? `unknown rule code \`${code}\`; did you mean \`${suggestion}\`?` : `unknown rule code \`${code}\` (ignored)`,
            });
        }
    }
    return problems.sort((a, b) => a.start - b.start);
}

function at(value: JsonValue, severity: LocatedConfigProblem['severity'], code: ConfigProblemCode, message: string): LocatedConfigProblem {
    return { start: value.start, end: value.end, severity, code, message };
}

function excerpt(source: string): string {
    const flat = source.replace(/\s+/g, ' ');
    return flat.length <= 30 ? flat : `${flat.slice(0, 29)}…`;
}

type JsonValue =
    | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly members: ReadonlyMap<string, JsonMember> }
    | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly value: string }
    | { readonly kind: 'array' | 'number' | 'literal' | 'null'; readonly start: number; readonly end: number };

interface JsonMember {
    readonly keyStart: number;
    readonly keyEnd: number;
    readonly value: JsonValue;
}

class JsonSyntaxError extends Error {
    constructor(readonly start: number, readonly end: number, readonly reason: string) {
        super(reason);
    }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$-]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** RFC 8259 JSON, recursive descent, keeping where each value and key is; throws JsonSyntaxError. */
class JsonScanner {
    private pos = 0;

    constructor(private readonly text: string) {}

    document(): JsonValue {
        if (this.text.charCodeAt(0) === 0xfeff) {
            throw new JsonSyntaxError(0, 1, 'the file starts with a byte order mark; save it as UTF-8 without one');
        }
        const value = this.value();
        this.skipSpace();
        if (this.pos < this.text.length) {
            throw this.expected('the end of the file after the JSON value');
        }
        return value;
    }

    private value(): JsonValue {
        this.skipSpace();
        const start = this.pos;
        const char = this.text[start];
        if (char === '{') {
            return this.object();
        }
        if (char === '[') {
            return this.array();
        }
        if (char === '"') {
            return this.string();
        }
        if (char === '-' || (char >= '0' && char <= '9')) {
            const number = this.match(NUMBER);
            if (!number) {
                throw new JsonSyntaxError(start, start + 1, 'expected a number after `-`');
            }
            return { kind: 'number', start, end: this.pos };
        }
        const word = this.match(WORD);
        if (word === 'true' || word === 'false' || word === 'null') {
            return { kind: word === 'null' ? 'null' : 'literal', start, end: this.pos };
        }
        if (word) {
            throw new JsonSyntaxError(start, this.pos, `\`${word}\` is not a JSON value; write strings in double quotes`);
        }
        throw this.expected('a value');
    }

    private object(): JsonValue {
        const start = this.pos++;
        const members = new Map<string, JsonMember>();
        this.skipSpace();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return { kind: 'object', start, end: this.pos, members };
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.pos] !== '"') {
                throw this.expected('a property name in double quotes');
            }
            const key = this.string() as { start: number; end: number; value: string };
            this.skipSpace();
            if (this.text[this.pos] !== ':') {
                throw this.expected('`:` after the property name');
            }
            this.pos++;
            // JSON.parse keeps the last of duplicate keys, in the place of the first.
            members.set(key.value, { keyStart: key.start, keyEnd: key.end, value: this.value() });
            this.skipSpace();
            const comma = this.pos;
            if (this.text[comma] === '}') {
                this.pos++;
                return { kind: 'object', start, end: this.pos, members };
            }
            if (this.text[comma] !== ',') {
                throw this.expected('`,` or `}` after the property value');
            }
            this.pos++;
            this.trailingComma(comma, '}', 'property');
        }
    }

    private array(): JsonValue {
        const start = this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return { kind: 'array', start, end: this.pos };
        }
        for (;;) {
            this.value();
            this.skipSpace();
            const comma = this.pos;
            if (this.text[comma] === ']') {
                this.pos++;
                return { kind: 'array', start, end: this.pos };
            }
            if (this.text[comma] !== ',') {
                throw this.expected('`,` or `]` after the array element');
            }
            this.pos++;
            this.trailingComma(comma, ']', 'value');
        }
    }

    /** JSON has no trailing comma; the comma is the mistake to point at, not the bracket after it. */
    private trailingComma(comma: number, close: string, what: string): void {
        this.skipSpace();
        if (this.text[this.pos] === close) {
            throw new JsonSyntaxError(comma, comma + 1, `no ${what} follows this \`,\``);
        }
    }

    private string(): JsonValue {
        const start = this.pos++;
        for (;;) {
            if (this.pos >= this.text.length) {
                throw new JsonSyntaxError(start, this.pos, 'the string is not closed');
            }
            const code = this.text.charCodeAt(this.pos);
            if (code === 0x22) {
                this.pos++;
                return { kind: 'string', start, end: this.pos, value: JSON.parse(this.text.slice(start, this.pos)) as string };
            }
            if (code === 0x5c) {
                const escape = this.text[this.pos + 1] ?? '';
                HEX4.lastIndex = this.pos + 2;
                const valid = escape === 'u' ? HEX4.test(this.text) : escape !== '' && '"\\/bfnrt'.includes(escape);
                if (!valid) {
                    const end = escape === 'u' ? this.pos + 2 : Math.min(this.pos + 2, this.text.length);
                    throw new JsonSyntaxError(this.pos, end, escape === 'u' ? 'expected four hexadecimal digits after `\\u`' : 'invalid escape in a string');
                }
                this.pos += escape === 'u' ? 6 : 2;
            } else if (code === 0x0a || code === 0x0d) {
                throw new JsonSyntaxError(start, this.pos, 'the string is not closed before the end of the line');
            } else if (code < 0x20) {
                throw new JsonSyntaxError(this.pos, this.pos + 1, 'a control character in a string must be written as an escape');
            } else {
                this.pos++;
            }
        }
    }

    private match(pattern: RegExp): string | undefined {
        pattern.lastIndex = this.pos;
        const found = pattern.exec(this.text)?.[0];
        if (found) {
            this.pos += found.length;
        }
        return found;
    }

    private skipSpace(): void {
        while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) {
            this.pos++;
        }
    }

    /** `what` was expected at the current position: name what is there instead. */
    private expected(what: string): JsonSyntaxError {
        const at = this.pos;
        if (at >= this.text.length) {
            return new JsonSyntaxError(at, at, `the file ends where ${what} is expected`);
        }
        const char = String.fromCodePoint(this.text.codePointAt(at)!);
        const end = at + char.length;
        if (char === "'") {
            return new JsonSyntaxError(at, end, 'single quotes do not make a JSON string; use double quotes');
        }
        if (char === '/' && (this.text[at + 1] === '/' || this.text[at + 1] === '*')) {
            return new JsonSyntaxError(at, end, 'JSON has no comments');
        }
        return new JsonSyntaxError(at, end, `expected ${what}, found ${describe(char)}`);
    }
}

function describe(char: string): string {
    if (char === '`') {
        return 'a backtick';
    }
    if (char === '\n' || char === '\r') {
        return 'the end of the line';
    }
    const code = char.codePointAt(0)!;
    return code > 0x20 && code < 0x7f ? `\`${char}\`` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
