/** See echo-bot.cjs: the benchmark's baseline bot; given `save`, each card press is saved before it is answered. */
export function startEchoBot(port?: number, save?: (activity: any) => Promise<string>): Promise<{ port: number; close(): Promise<void> }>;
