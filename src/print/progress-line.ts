/**
 * A progress line on stderr for long PDF runs, only when stderr is a
 * terminal (cli-progress); in pipes and logs nothing is drawn.
 */
import cliProgress from 'cli-progress'

/**
 * A progress callback for printPdfs, and a function that ends the line.
 *
 * @param stream Where to draw (default process.stderr); nothing unless it is a TTY.
 * @param label What is being printed, e.g. `PDF`.
 * @returns `update(done, total)` and `stop()`.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, label = 'PDF'): {update: (done: number, total: number) => void; stop: () => void} {
  if (!stream.isTTY) return {update: () => {}, stop: () => {}}
  let bar: cliProgress.SingleBar | undefined
  return {
    update(done, total) {
      if (!bar) {
        bar = new cliProgress.SingleBar({stream, format: `iop: ${label} {bar} {value}/{total}`, hideCursor: true, clearOnComplete: true}, cliProgress.Presets.shades_classic)
        bar.start(total, 0)
      }
      bar.update(done)
    },
    stop: () => bar?.stop()
  }
}
