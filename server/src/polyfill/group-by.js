// Langium 4.4 depends on chevrotain 13, which calls Object.groupBy (ES2024). Node 20 lacks it,
// while Node >= 22 and VS Code's extension host have it. This module installs a spec-compatible
// version only when the runtime has none, so the CLI and the server run on Node 20 as well.
// Kept as plain JavaScript so that `node --import` can preload it before langium-cli runs.

if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                const bucket = groups[key];
                if (bucket) {
                    bucket.push(item);
                } else {
                    groups[key] = [item];
                }
            }
            return groups;
        }
    });
}

if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, callback) {
            const groups = new Map();
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                const bucket = groups.get(key);
                if (bucket) {
                    bucket.push(item);
                } else {
                    groups.set(key, [item]);
                }
            }
            return groups;
        }
    });
}
