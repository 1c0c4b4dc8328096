/** Prints step progress on a TTY (stderr); silent when quiet or not interactive (CI, pipes). */
export interface Progress {
  task<T>(label: string, run: () => T): T
  done(summary: string): void
}

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr
  const live = !options.quiet && Boolean(stream.isTTY) && !process.env.CI
  return {
    task<T>(label: string, run: () => T): T {
      if (!live) return run()
      const start = performance.now()
      stream.write(`  ${label}…`)
      const result = run()
      const finish = () => stream.write(`\r  ${label} ${Math.round(performance.now() - start)} ms\n`)
      // An async step is timed to when it settles, not to when it started.
      if (result instanceof Promise) return result.finally(finish) as T
      finish()
      return result
    },
    done(summary) {
      if (live) stream.write(`${summary}\n`)
    },
  }
}
