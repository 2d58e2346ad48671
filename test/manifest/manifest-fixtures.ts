import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  type AppManifest, type Json, type PackageSettings, MANIFEST_DIR, filledManifest,
} from '../../scripts/package-app';

export const SAMPLE_APP_ID = '2f1c7c4e-8a0b-4e43-9a55-0d9d6d2b1c3a';
export const SAMPLE_SETTINGS: PackageSettings = {
  appId: SAMPLE_APP_ID, botDomain: 'abc-3978.euw.devtunnels.ms', appVersion: '1.2.3',
};
export const BOT_SCOPES = ['team', 'groupChat', 'personal'] as const;
/** What people use most, at most Teams' ten per scope, in the order the menu shows them. */
export const COMMAND_TITLES = ['hjälp', 'rapportera', 'hotspot', 'aktivitet', 'senaste', 'lägesbild', 'hotspots', 'prenumerera', 'platser', 'export'] as const;

/** The parts of the bot entry the tests look at. */
export interface BotEntry {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description?: string }[] }[];
}

export function readTemplate(): Json {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as Json;
}

export function readEnglishStrings(): Record<string, string> {
  return JSON.parse(readFileSync(join(MANIFEST_DIR, 'en.json'), 'utf8')) as Record<string, string>;
}

export function sampleManifest(settings: PackageSettings = SAMPLE_SETTINGS): AppManifest {
  return filledManifest(readTemplate(), settings);
}

export function botOf(manifest: AppManifest): BotEntry {
  const bots = manifest.bots as unknown as BotEntry[] | undefined;
  const bot = bots?.[0];
  if (!bot) throw new Error('manifest has no bot');
  return bot;
}

export function readIcon(file: string): PNG {
  return PNG.sync.read(readFileSync(join(MANIFEST_DIR, file)));
}

/** Every pixel as [r, g, b, a]. */
export function pixelsOf(png: PNG): [number, number, number, number][] {
  const pixels: [number, number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    pixels.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
  }
  return pixels;
}

/** Replaces globalThis.fetch with one that fails the test, for the duration of `body`. */
export async function withoutNetwork<T>(body: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch;
  const attempts: string[] = [];
  globalThis.fetch = ((input: Parameters<typeof fetch>[0]) => {
    attempts.push(String(input));
    return Promise.reject(new Error(`network access during validation: ${String(input)}`));
  }) as typeof fetch;
  try {
    const result = await body();
    if (attempts.length > 0) throw new Error(`validation tried to fetch ${attempts.join(', ')}`);
    return result;
  } finally {
    globalThis.fetch = realFetch;
  }
}
