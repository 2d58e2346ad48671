import { existsSync } from 'node:fs';

/** Debian's Chromium (apt-get install -y chromium), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags for a closed network: without them Chromium keeps trying to reach Google's services.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the browser tests can run here; they are skipped with a visible message when not. */
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);
