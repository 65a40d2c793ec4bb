import { z } from 'zod';
import { Id } from './common.js';

export const Outlet = z
  .object({
    id: Id.describe('Outlet id: "out_" and a hash of the normalised outlet name.'),
    name: z.string().min(1).describe('The outlet as it names itself, e.g. "Al Jazeera America".'),
    domain: z.string().nullable().describe('Web domain of the outlet when known (from a URL or page metadata), else null.'),
  })
  .describe('A news organisation that published one or more articles.');
export type Outlet = z.infer<typeof Outlet>;
