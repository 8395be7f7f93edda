/** A one-line progress bar on a terminal stream; silent when the stream is not a TTY (pipes, CI, tests). */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, width = 30) {
  const enabled = stream.isTTY === true;
  let lastPercent = -1;
  let lastFile = '';
  return {
    update(file: string, done: number, total: number): void {
      if (!enabled || total <= 0) return;
      const percent = Math.min(100, Math.floor((100 * done) / total));
      if (percent === lastPercent && file === lastFile) return;
      [lastPercent, lastFile] = [percent, file];
      const filled = Math.round((percent / 100) * width);
      stream.write(
        `\r${file.padEnd(24)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}%`,
      );
    },
    finish(): void {
      if (enabled && lastPercent >= 0) stream.write(`\r${' '.repeat(width + 32)}\r`);
    },
  };
}
