import packageJson from '../../../package.json' with { type: 'json' };

interface PackageInfo {
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
}

const info = packageJson as PackageInfo;

/** The version in package.json, bundled at build time (the CLI never reads package.json at run time). */
export const VERSION: string = info.version;

/** Where users learn about the tool (SARIF `informationUri`), when package.json says so. */
export const HOMEPAGE: string | undefined = info.homepage
    ?? (typeof info.repository === 'string' ? info.repository : info.repository?.url)?.replace(/^git\+/, '').replace(/\.git$/, '');
