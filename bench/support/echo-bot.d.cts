/** See echo-bot.cjs: the benchmark's baseline bot. */
export function startEchoBot(port?: number): Promise<{ port: number; close(): Promise<void> }>;
