import { z } from 'zod';
import { Id } from './common.js';

export const EntityKind = z.enum(['person', 'organisation', 'place', 'group', 'unknown']).describe('What kind of thing an entity is: a person, an organisation (the Pentagon, RIA Novosti), a place, a group of people ("U.S. officials"), or unknown.');
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z
  .object({
    id: Id.describe('Entity id: "ent_" and a hash of the kind and canonical name.'),
    kind: EntityKind,
    name: z.string().min(1).describe('Canonical name: the fullest proper name seen, e.g. "Vladimir Putin".'),
    aliases: z.array(z.string()).describe('Other names and descriptions that refer to the entity, e.g. "Putin", "Mr Putin", "the Russian president".'),
    roles: z.array(z.string()).describe('Roles and titles given to the entity, e.g. "Russian president", "Pentagon spokesman".'),
    articleIds: z.array(Id).describe('Articles that mention the entity.'),
  })
  .describe('A person, organisation, place or group, resolved across the articles that mention it.');
export type Entity = z.infer<typeof Entity>;
