/** Prints step progress on a TTY (stderr); silent when quiet or not interactive (CI, pipes). */
export interface Progress {
  task<T>(label: string, run: () => T): T
  done(summary: string): void
}

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr
  const live = !options.quiet && Boolean(stream.isTTY) && !process.env.CI
  return {
    task(label, run) {
      if (!live) return run()
      const start = performance.now()
      stream.write(`  ${label}…`)
      const result = run()
      stream.write(`\r  ${label} ${Math.round(performance.now() - start)} ms\n`)
      return result
    },
    done(summary) {
      if (live) stream.write(`${summary}\n`)
    },
  }
}
