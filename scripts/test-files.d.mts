export declare const NODE_GLOB: string;
export declare const BROWSER_FILES: string[];
export declare function runnerOf(path: string): 'node' | 'browser' | null;
export declare function strayTestFiles(root: string): string[];
