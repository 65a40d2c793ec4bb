import { nodeConfig } from '@parallax/vitest-config';

export default nodeConfig();
