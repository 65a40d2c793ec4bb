// Runs the CLI from source in a child process (tests that need a real process: kill, signals).
import { main } from '../src/main.js';

process.exitCode = await main(process.argv.slice(2));
