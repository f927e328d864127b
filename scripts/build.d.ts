// Types of scripts/build.js (plain JavaScript: it runs before anything is built).
export declare const root: string;
export declare const dist: string;
export declare function isStale(): boolean;
export declare function build(options?: { clean?: boolean }): Promise<{ files: number; ms: number }>;
