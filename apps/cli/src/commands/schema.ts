import { jsonSchemaModels, toJsonSchema, type JsonSchemaName } from '@parallax/schema';
import { ExitCode, type Io } from '../io.js';

/** Print the JSON Schema of one record, or list the records that have one. */
export function schemaCommand(name: string | undefined, options: { input?: boolean }, io: Io): number {
  const names = Object.keys(jsonSchemaModels) as JsonSchemaName[];
  if (!name) {
    io.stdout(names.join('\n') + '\n');
    return ExitCode.ok;
  }
  if (!names.includes(name as JsonSchemaName)) {
    io.stderr(`unknown record "${name}". Known records: ${names.join(', ')}\n`);
    return ExitCode.usage;
  }
  io.stdout(JSON.stringify(toJsonSchema(name as JsonSchemaName, options.input ? 'input' : 'output'), null, 2) + '\n');
  return ExitCode.ok;
}
