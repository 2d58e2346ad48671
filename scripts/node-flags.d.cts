/** See node-flags.cjs: the V8 flags production starts the server with. */
export const NODE_FLAGS: readonly string[];
/** See node-flags.cjs: the C library's allocator settings of the production process (environment). */
export const NATIVE_ENV: Readonly<Record<string, string>>;
