import type { UserConfig } from 'vitest/config';
/** A vitest config for a node workspace that reads sibling packages from source. */
export function nodeConfig(test?: UserConfig['test']): UserConfig;
