import {
    createParser, CstNodeBuilder, LangiumCompletionParser, LangiumParser,
    type AstNode, type CompletionParserResult, type LangiumCoreServices, type ParseResult, type ParserOptions,
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
 * plan). Doing nothing when there is nothing is the same tree. Measured (interleaved, Langium 4.4):
 * parse of 100,000 lines 1,040 -> 900 ms warm, 1,210 -> 1,100 ms cold; at 10,000 lines within noise.
 * Langium's builder is a private field of its parser, set once in the constructor below: the one
 * reach into Langium's internals kept here (upstream, eclipse-langium/langium#1790 reworked hidden-node
 * placement for comment-heavy files; Langium 4.4 still searches when there is nothing to place).
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

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        this.recovery.reset();
        return super.parse<T>(input, options);
    }
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
