import * as path from 'node:path';

/**
 * True when `target` is `root` or below it, by their text (no link is resolved here), for the
 * given path flavour (`path` for file-system paths, `path.posix` for URI paths). `..` and `../x`
 * leave the root; a name that only starts with two dots (`..notes`) does not.
 */
export function isInside(root: string, target: string, p: typeof path.posix = path): boolean {
    const relative = p.relative(root, target);
    const leaves = relative === '..' || relative.startsWith(`..${p.sep}`) || (p.sep !== '/' && relative.startsWith('../'));
    return !leaves && !p.isAbsolute(relative);
}
