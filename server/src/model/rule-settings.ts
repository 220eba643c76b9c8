/**
 * How severe a finding is, and what a configuration may say about each rule code
 * (LANGUAGE.md section 6). Plain data shared by the configuration reader, the rules and the
 * front ends, so that none of them depends on another for a type.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity, or `off` to drop the rule's findings (and its readiness item). */
export type SeveritySetting = Severity | 'off';

/** Rule code → setting, as written in `mlplan.config.json` or the `mlplan.rules` setting. */
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
