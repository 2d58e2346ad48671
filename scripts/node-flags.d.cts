/** See node-flags.cjs: the V8 flags production starts the server with. */
export const NODE_FLAGS: readonly string[];
