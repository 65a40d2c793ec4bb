#!/usr/bin/env node
// Runs the built CLI. `npm run build` (or `npm start`) builds it first.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
