import { nodeConfig } from '@parallax/vitest-config';
import { configDefaults } from 'vitest/config';

// The fixture workspaces hold tests of their own (to show test files are treated apart); they are
// data for the checks, never run.
export default nodeConfig({ exclude: [...configDefaults.exclude, 'test/fixtures/**'] });
