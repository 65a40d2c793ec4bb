// Where the CLI writes: machine output to stdout, human messages to stderr. Injected so tests can
// capture both without spawning a process.
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
};

/** Exit codes: 0 success, 1 some inputs failed, 2 usage error. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;
