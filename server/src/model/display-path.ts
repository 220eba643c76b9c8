import { UriUtils, type URI } from 'langium';

/** How a file is named in messages about `from`: relative to its folder (`lib/catalog.mlplan`), else its URI. */
export function displayPath(from: URI, target: URI): string {
    if (from.scheme === target.scheme && from.authority === target.authority) {
        const relative = UriUtils.relative(UriUtils.dirname(from), target);
        return relative.length > 0 ? relative : UriUtils.basename(target);
    }
    return target.toString();
}
