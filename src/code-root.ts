import path from 'node:path';

/**
 * The folder of the running code: src/ under tsx, dist/ when compiled file by file (tsc) and dist/ again
 * when bundled into the one file dist/main.js (esbuild, `npm run build`). This file sits at the root of
 * src/, so its own folder is that root in all three; a module deeper down cannot use its own __dirname
 * to find files beside it, because in the bundle every module's __dirname is dist/.
 */
export const CODE_ROOT = __dirname;

/** A file or folder the code reads at run time (the migrations), found from the root of the code. */
export const codePath = (...parts: string[]): string => path.join(CODE_ROOT, ...parts);
