// Types of browser-path.mjs, for the TypeScript tests and demos that share its Chromium flags.
export function selectedEngines(): string[];
export function browserPath(engine: 'chromium' | 'firefox' | 'webkit'): string;
export const CHROMIUM_ARGS: string[];
