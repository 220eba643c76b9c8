import {
    createParser, CstNodeBuilder, LangiumCompletionParser, LangiumParser,
    type AstNode, type CompletionParserResult, type LangiumCoreServices, type Lexer, type LexerResult, type ParseResult,
    type ParserOptions,
} from 'langium';
import { MlPlanLexer } from './mlplan-lexer.js';

/**
 * Once this many syntax errors are recorded in one parse, the parser stops recovering: the parse
 * ends at that error (or at the next one, if Chevrotain had already recovered from it) and the rest
 * of the text is not read (javac also stops at 100 errors by default). Chevrotain's error
 * recovery costs about 0.1 ms per error (the follow sets of the whole rule stack, and an Error with
 * a stack trace per exception), so a file of 10,000 errors (`fields { ` repeated) took a second to
 * parse and completion, which parses the text before the cursor, seconds more. A file with a few
 * errors keeps Chevrotain's full recovery; the validator says where the parser stopped.
 */
export const MAX_RECOVERED_ERRORS = 100;

/** The members of Chevrotain's parser (the `wrapper` Langium drives) that recovery depends on. */
interface RecoveringParser {
    recoveryEnabled: boolean;
    SAVE_ERROR(error: unknown): unknown;
    /** Set on the instance by Chevrotain when recovery is enabled at construction. */
    attemptInRepetitionRecovery(...args: unknown[]): void;
}

/**
 * Counts the errors Chevrotain records and turns its recovery off once `max` are recorded.
 * Chevrotain reads `recoveryEnabled` whenever an error occurs (re-synchronisation after a failed
 * rule, single-token insertion or deletion); repetition recovery is a function it installs once,
 * so it is wrapped to read the flag too. If a future Chevrotain lacks these members, nothing is
 * changed (and test/grammar/parser-recovery.test.ts fails).
 */
class RecoveryBound {
    private errors = 0;
    private readonly parser: RecoveringParser | undefined;

    constructor(wrapper: unknown, private readonly max: number) {
        const parser = wrapper as RecoveringParser;
        const save = parser.SAVE_ERROR;
        const attempt = parser.attemptInRepetitionRecovery;
        if (typeof parser.recoveryEnabled !== 'boolean' || !parser.recoveryEnabled || typeof save !== 'function' || typeof attempt !== 'function') {
            return;
        }
        this.parser = parser;
        const bound = this;
        parser.SAVE_ERROR = function (this: RecoveringParser, error: unknown): unknown {
            const saved = save.call(this, error);
            if (++bound.errors >= bound.max) {
                this.recoveryEnabled = false;
            }
            return saved;
        };
        parser.attemptInRepetitionRecovery = function (this: RecoveringParser, ...args: unknown[]): void {
            if (this.recoveryEnabled) {
                attempt.apply(this, args);
            }
        };
    }

    /** Before each parse: no error yet, recovery on. */
    reset(): void {
        this.errors = 0;
        if (this.parser) {
            this.parser.recoveryEnabled = true;
        }
    }
}

/**
 * Langium asks its CST builder to place the comments that precede every token it consumes, also
 * when there are none; placing nothing still looked up the new node's index among its siblings,
 * a linear search through the plan's members at each member's first token (quadratic over a
 * plan: a tenth of the parse of 100,000 lines). Doing nothing when there is nothing is the same tree.
 */
class MlPlanCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Parameters<CstNodeBuilder['addHiddenNodes']>[0]): void {
        if (tokens.length > 0) {
            super.addHiddenNodes(tokens);
        }
    }
}

export class MlPlanParser extends LangiumParser {
    private readonly recovery: RecoveryBound;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.recovery = new RecoveryBound(this.wrapper, MAX_RECOVERED_ERRORS);
        (this as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new MlPlanCstNodeBuilder();
    }

    /**
     * Langium's `parse`, step for step, except for the last one: Langium links every AST node to its
     * container with a deep `linkContentToContainer`, which allocates an entry array per node and a
     * closure per list (a tenth of the parse of a 10,000-line plan with its garbage collection);
     * `linkContainers` sets the same three properties without allocating.
     * test/grammar/parser-containers.test.ts compares both on every example.
     */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        this.recovery.reset();
        const self = this as unknown as LangiumParserInternals;
        self.nodeBuilder.buildRootNode(input);
        const lexerResult = self.lexerResult = self.lexer.tokenize(input);
        self.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? self.allRules.get(options.rule) : self.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = self.doParse(ruleMethod) as T;
        self.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        self.unorderedGroups.clear();
        self.lexerResult = undefined;
        linkContainers(result);
        return {
            value: result,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors: self.wrapper.errors,
        };
    }
}

/** The members of Langium's parser that `parse` uses; most are private in its typings. */
interface LangiumParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexer: Lexer;
    lexerResult: LexerResult | undefined;
    wrapper: { input: LexerResult['tokens']; errors: ParseResult['parserErrors'] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: unknown): AstNode;
}

/**
 * Sets `$container`, `$containerProperty` and (in lists) `$containerIndex` on every AST node below
 * `node`, as Langium's deep `linkContentToContainer` does: properties whose name starts with `$`
 * are skipped, values that are AST nodes (an object with a string `$type`) are linked.
 */
export function linkContainers(node: AstNode): void {
    const record = node as unknown as Record<string, unknown>;
    for (const name in record) {
        if (name.charCodeAt(0) === 0x24 /* $ */ || !Object.prototype.hasOwnProperty.call(record, name)) {
            continue;
        }
        const value = record[name];
        if (typeof value !== 'object' || value === null) {
            continue;
        }
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isAstNodeValue(item)) {
                    item.$container = node;
                    item.$containerProperty = name;
                    item.$containerIndex = index;
                    linkContainers(item);
                }
            }
        } else if (isAstNodeValue(value)) {
            value.$container = node;
            value.$containerProperty = name;
            linkContainers(value);
        }
    }
}

function isAstNodeValue(value: unknown): value is { -readonly [K in keyof AstNode]: AstNode[K] } {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export class MlPlanCompletionParser extends LangiumCompletionParser {
    private readonly recovery: RecoveryBound;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.recovery = new RecoveryBound(this.wrapper, MAX_RECOVERED_ERRORS);
    }

    override parse(input: string): CompletionParserResult {
        this.recovery.reset();
        return super.parse(input);
    }
}

/** As Langium's `createLangiumParser`, with MlPlanParser. */
export function createMlPlanParser(services: LangiumCoreServices): MlPlanParser {
    const parser = createParser(services.Grammar, new MlPlanParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/** As Langium's `createCompletionParser`, with MlPlanCompletionParser. */
export function createMlPlanCompletionParser(services: LangiumCoreServices): MlPlanCompletionParser {
    const parser = createParser(services.Grammar, new MlPlanCompletionParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/** The lexer and parsers mlplan registers (mlplan-module.ts). */
export const MlPlanParsing = {
    Lexer: (services: LangiumCoreServices) => new MlPlanLexer(services),
    LangiumParser: (services: LangiumCoreServices) => createMlPlanParser(services),
    CompletionParser: (services: LangiumCoreServices) => createMlPlanCompletionParser(services),
};
