/**
 * The grammar's datatype rules through which a word is a name, not a keyword: keywords are not
 * reserved, so `dataset title` declares a dataset called `title` (grammar/mlplan.langium `Name`,
 * `FieldName`, `SoftKeyword`). Hover, highlighting and completion decide with this one set.
 */
export const NAME_RULES: ReadonlySet<string> = new Set(['Name', 'FieldName', 'SoftKeyword']);
