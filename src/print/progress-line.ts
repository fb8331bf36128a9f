/**
 * A progress line on stderr for long runs (modules linted, modules built,
 * PDFs printed), drawn with cli-progress only when both stdout and stderr
 * are terminals, only once a run has taken about a second, and never with
 * `--quiet`; in pipes, logs and tests nothing is drawn.
 */
import cliProgress from 'cli-progress'

/** Runs shorter than this draw nothing. */
const delayMs = 1000

/** Options of {@link progressLine}. */
export interface ProgressOptions {
  /** `--quiet`: never draw. */
  quiet?: boolean
  /** Whether stdout is a terminal (default: process.stdout's). */
  stdoutIsTTY?: boolean
}

/**
 * A progress callback and a function that ends the line.
 *
 * @param stream Where to draw (default process.stderr); nothing unless it is a TTY.
 * @param label What is counted, e.g. `PDFs` or `modules linted`.
 * @param options `--quiet`, and whether stdout is a terminal.
 * @returns `update(done, total)` and `stop()`.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, label = 'PDF', options: ProgressOptions = {}): {update: (done: number, total: number) => void; stop: () => void} {
  if (!stream.isTTY || !(options.stdoutIsTTY ?? process.stdout.isTTY) || options.quiet) return {update: () => {}, stop: () => {}}
  const started = Date.now()
  let bar: cliProgress.SingleBar | undefined
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - started < delayMs || done >= total) return
        bar = new cliProgress.SingleBar({stream, format: `iop: {bar} {value}/{total} ${label}`, hideCursor: true, clearOnComplete: true}, cliProgress.Presets.shades_classic)
        bar.start(total, 0)
      }
      bar.update(done)
    },
    stop: () => bar?.stop()
  }
}
