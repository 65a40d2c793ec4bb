// Where the external evaluation data lives: PARALLAX_SHARED, else the `shared/` folder beside the
// checkout (../shared from the repository root). Tests skip cleanly when it is absent.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sharedDir = process.env.PARALLAX_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));
export const evalDir = (...parts: string[]) => join(sharedDir, 'eval', ...parts);
