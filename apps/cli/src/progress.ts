// Progress for long runs, on stderr: a bar with rate and ETA on a terminal, plain lines otherwise
// (one every few seconds), nothing for a handful of inputs.
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more done (or `count` more). */
  tick(name: string, count?: number): void;
  stop(): void;
}

export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (total < 20) return { tick() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`, stream, hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: '0' });
    let done = 0;
    return {
      tick(_name, count = 1) {
        done += count;
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(0) });
      },
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  let last = started;
  let done = 0;
  return {
    tick(_name, count = 1) {
      done += count;
      const now = Date.now();
      if (now - last >= 2000 || done === total) {
        last = now;
        const rate = done / Math.max(0.001, (now - started) / 1000);
        stream.write(`${label}: ${done}/${total} (${rate.toFixed(0)}/s, ${Math.round(((total - done) / Math.max(rate, 0.001)))} s left)\n`);
      }
    },
    stop() {},
  };
}
