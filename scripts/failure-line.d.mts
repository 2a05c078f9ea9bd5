// Types of failure-line.mjs, for its test (test/runner/failure-line.node.test.ts).
export function failureLine(file: string, titles: string[], error?: unknown): string;
export function failureList(lines: string[], shown?: number): string;
export function exitLine(run: string, status: number | null, signal?: string | null): string;
