/** A one-line progress bar on a terminal's stderr, cleared before anything else is printed. */
import type { Writer } from "./io";

const MIN_FILES = 5;
const WIDTH = 24;

export class Progress {
  private shown = false;
  private readonly active: boolean;

  constructor(
    private readonly out: Writer,
    private readonly total: number,
    private readonly label: string,
  ) {
    this.active = !!out.isTTY && total >= MIN_FILES;
  }

  update(done: number, current: string): void {
    if (!this.active) return;
    const filled = Math.round((done / this.total) * WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
    const cols = this.out.columns ?? 80;
    let line = `${this.label} ${bar} ${done}/${this.total} ${current}`;
    if (line.length > cols - 1) line = line.slice(0, cols - 1);
    this.out.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.out.write("\r\x1b[K");
    this.shown = false;
  }
}
