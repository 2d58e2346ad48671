/**
 * `npm run package`: fills manifest/manifest.json with this installation's ids, validates it offline
 * against the Teams manifest JSON schema bundled in @microsoft/app-manifest, and zips it with the icons
 * and translations into build/appPackage/trygghetsboten.zip, ready for Teams → Apps → Upload an app.
 *
 * Settings (environment or .env): MicrosoftAppId (required, a GUID), BOT_DOMAIN (optional public host of
 * the bot), APP_VERSION (optional, default: package.json's version), PACKAGE_OUT_DIR (optional output folder).
 * Placeholders in the template look like ${{NAME}}; manifest/README.md lists them.
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import { config as loadDotenv } from 'dotenv';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PNG } from 'pngjs';

export const PROJECT_ROOT = join(__dirname, '..');
export const MANIFEST_DIR = join(PROJECT_ROOT, 'manifest');
export const PACKAGE_FILE_NAME = 'trygghetsboten.zip';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Env = Readonly<Record<string, string | undefined>>;

/** A manifest as far as this script needs to know it; the schema checks everything else. */
export interface AppManifest {
  [key: string]: Json | undefined;
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
}

export interface PackageSettings {
  appId: string;
  botDomain: string;
  appVersion: string;
}

/** Bad settings: the message is meant for the person running `npm run package`. */
export class PackageSettingsError extends Error {}

/** The filled manifest or a translation does not match its schema. */
export class ManifestValidationError extends Error {
  constructor(readonly file: string, readonly errors: readonly string[]) {
    super(`${file} does not match its Teams JSON schema:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────────────

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/** Reads and checks the package settings; every problem is named in one PackageSettingsError. */
export function readPackageSettings(env: Env, defaultVersion: string): PackageSettings {
  const problems: string[] = [];
  const appId = (env.MicrosoftAppId ?? '').trim();
  if (!appId) {
    problems.push('MicrosoftAppId is missing: set it in .env or the environment to the Microsoft App ID of the '
      + 'bot registration (a GUID such as 2f1c7c4e-8a0b-4e43-9a55-0d9d6d2b1c3a).');
  } else if (!GUID.test(appId)) {
    problems.push(`MicrosoftAppId "${appId}" is not a GUID: copy the Microsoft App ID from the Azure Bot `
      + '(Configuration) or the Teams Developer Portal (Bot management), e.g. 2f1c7c4e-8a0b-4e43-9a55-0d9d6d2b1c3a.');
  }
  const botDomain = normaliseHost(env.BOT_DOMAIN ?? '');
  if (botDomain && !HOST_NAME.test(botDomain)) {
    problems.push(`BOT_DOMAIN "${env.BOT_DOMAIN}" is not a host name: give only the public host, e.g. abc123.ngrok.app.`);
  }
  const appVersion = (env.APP_VERSION ?? '').trim() || defaultVersion;
  if (!SEMVER.test(appVersion)) {
    problems.push(`APP_VERSION "${appVersion}" must look like 1.2.3 (Teams needs major.minor.patch).`);
  }
  if (problems.length > 0) throw new PackageSettingsError(problems.join('\n'));
  return { appId: appId.toLowerCase(), botDomain, appVersion };
}

/** People paste whole URLs ("https://abc.ngrok.app/api/messages"); Teams wants just the host. */
function normaliseHost(value: string): string {
  return value.trim().replace(/^[a-z]+:\/\//i, '').replace(/[/?#].*$/, '').toLowerCase();
}

/** The values for the template's ${{NAME}} placeholders. */
export function placeholderValues(settings: PackageSettings): Record<string, string> {
  return {
    APP_ID: settings.appId,
    BOT_ID: settings.appId,
    BOT_DOMAIN: settings.botDomain,
    APP_VERSION: settings.appVersion,
  };
}

// ── Placeholders ───────────────────────────────────────────────────────────────────────────────────

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/**
 * Replaces ${{NAME}} in every string of a JSON value (filled after parsing, so a value can never break
 * the JSON). An array item that is only a placeholder with an empty value is dropped, which is how an
 * unset BOT_DOMAIN leaves validDomains empty. A placeholder without a value is an error, never left in.
 */
export function fillPlaceholders(template: Json, values: Readonly<Record<string, string>>): Json {
  const missing = new Set<string>();
  const isEmptyPlaceholder = (item: Json): boolean => {
    const name = typeof item === 'string' ? WHOLE_PLACEHOLDER.exec(item)?.[1] : undefined;
    return name !== undefined && values[name] === '';
  };
  const fill = (value: Json): Json => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) missing.add(name);
        return replacement ?? '';
      });
    }
    if (Array.isArray(value)) return value.filter((item) => !isEmptyPlaceholder(item)).map(fill);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item)]));
    }
    return value;
  };
  const filled = fill(template);
  if (missing.size > 0) throw new PackageSettingsError(`No value for placeholder(s): ${[...missing].join(', ')}`);
  return filled;
}

/**
 * The manifest for these settings. The lägesbild tab is served by the bot on its public host: without
 * BOT_DOMAIN there is no https address for it, so the tabs and their single sign-on are left out and the
 * package is the bot alone (still valid).
 */
export function filledManifest(template: Json, settings: PackageSettings): AppManifest {
  const manifest = fillPlaceholders(template, placeholderValues(settings)) as AppManifest;
  if (settings.botDomain !== '') return manifest;
  const { staticTabs: _s, configurableTabs: _c, webApplicationInfo: _w, ...botOnly } = manifest as Record<string, Json>;
  return botOnly as AppManifest;
}

// ── Validation (offline, against the schemas inside @microsoft/app-manifest) ────────────────────────

type SchemaKind = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

const BUNDLED_SCHEMAS = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** Manifest versions whose schemas @microsoft/app-manifest ships, e.g. ["1.0", …, "1.30"]. */
export function bundledManifestVersions(): string[] {
  return readdirSync(BUNDLED_SCHEMAS)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort(compareVersions);
}

export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Loads a schema from the package's own copy. Passing it to validateAgainstSchema explicitly is what
 * keeps validation offline: without a schema the library would fetch the manifest's $schema URL.
 */
export function loadBundledSchema(manifestVersion: string, kind: SchemaKind): object {
  const file = join(BUNDLED_SCHEMAS, `v${manifestVersion}`, kind);
  if (!existsSync(file)) {
    throw new Error(`@microsoft/app-manifest has no bundled ${kind} for manifest version ${manifestVersion}; `
      + `bundled versions: ${bundledManifestVersions().join(', ')}`);
  }
  let text = readFileSync(file, 'utf8');
  // The localization schemas contain a pattern with an unescaped "]" ("\b]\.description") that Ajv
  // rejects in its unicode regex mode; escaping it keeps the meaning and lets the schema compile.
  if (kind === 'MicrosoftTeams.Localization.schema.json') text = text.replaceAll('\\\\b]', '\\\\b\\\\]');
  return JSON.parse(text) as object;
}

/** Schema errors of a filled manifest; an empty list means valid. */
export async function validateManifest(manifest: AppManifest): Promise<string[]> {
  const schema = loadBundledSchema(manifest.manifestVersion, 'MicrosoftTeams.schema.json');
  return validate(manifest, schema);
}

/** Schema errors of a localization file (en.json) for the given manifest version. */
export async function validateLocalization(strings: object, manifestVersion: string): Promise<string[]> {
  const schema = loadBundledSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json');
  return validate(strings, schema);
}

function validate(document: object, schema: object): Promise<string[]> {
  // The library's types tie the schema to its own manifest types; both are plain JSON here.
  type Args = Parameters<typeof AppManifestUtils.validateAgainstSchema>;
  return AppManifestUtils.validateAgainstSchema(document as Args[0], schema as Args[1]);
}

// ── Package ────────────────────────────────────────────────────────────────────────────────────────

export interface AppPackage {
  manifest: AppManifest;
  /** File name in the zip root → contents. */
  files: Map<string, Buffer>;
}

/** Reads the template and the files it names, fills it, and checks everything; throws on any problem. */
export async function assembleAppPackage(settings: PackageSettings, manifestDir = MANIFEST_DIR): Promise<AppPackage> {
  const template = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Json;
  const manifest = filledManifest(template, settings);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new ManifestValidationError('manifest.json', errors);

  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  const icons = [
    { file: manifest.icons.color, size: 192 },
    { file: manifest.icons.outline, size: 32 },
  ];
  for (const { file, size } of icons) {
    const bytes = readFileSync(join(manifestDir, file));
    const png = PNG.sync.read(bytes);
    if (png.width !== size || png.height !== size) {
      throw new Error(`${file} is ${png.width}×${png.height}; Teams needs ${size}×${size}.`);
    }
    files.set(file, bytes);
  }
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const strings = JSON.parse(readFileSync(join(manifestDir, file), 'utf8')) as object;
    const localizationErrors = await validateLocalization(strings, manifest.manifestVersion);
    if (localizationErrors.length > 0) throw new ManifestValidationError(file, localizationErrors);
    files.set(file, Buffer.from(`${JSON.stringify(strings, null, 2)}\n`));
  }
  return { manifest, files };
}

/** The zip Teams accepts: every file at the root, no folders. */
export async function buildZipBuffer(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, contents] of files) zip.file(name, contents);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The whole job for given settings: returns the zip and the filled manifest, writes nothing. */
export async function createAppPackage(
  settings: PackageSettings, manifestDir = MANIFEST_DIR,
): Promise<{ manifest: AppManifest; zip: Buffer }> {
  const appPackage = await assembleAppPackage(settings, manifestDir);
  return { manifest: appPackage.manifest, zip: await buildZipBuffer(appPackage.files) };
}

// ── Command line ───────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  loadDotenv({ path: join(PROJECT_ROOT, '.env'), quiet: true });
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  const settings = readPackageSettings(process.env, version);
  const { manifest, zip } = await createAppPackage(settings);

  const outDir = resolve(process.env.PACKAGE_OUT_DIR?.trim() || join(PROJECT_ROOT, 'build', 'appPackage'));
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_FILE_NAME);
  writeFileSync(zipPath, zip);

  const fromCwd = relative(process.cwd(), zipPath);
  const shown = fromCwd.startsWith('..') ? zipPath : fromCwd;
  process.stdout.write([
    `Wrote ${shown}`,
    `  app id / bot id: ${manifest.id}`,
    `  version:         ${settings.appVersion} (manifest ${manifest.manifestVersion}, validated against the bundled schema)`,
    `  validDomains:    ${settings.botDomain || '(none; set BOT_DOMAIN to your tunnel or host name)'}`,
    '',
    'Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app, then choose the zip.',
    '(Or give the zip to your Teams admin to publish it for the organisation.)',
    '',
  ].join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Could not build the Teams app package.\n${message}\n`);
    process.exit(1);
  });
}
