/**
 * `xzzf check --out <file>`: the report written to a file rather than to standard output. In
 * PowerShell, `> 检查结果.csv` decodes a program's UTF-8 output with the console's code page (GBK on
 * Chinese Windows) and writes it again as UTF-16, so every Chinese character came out garbled; a file
 * xzzf writes itself is UTF-8 as written. The report goes to a temporary file beside the target, a
 * result at a time (memory stays flat over any batch), and takes the target's name only when it is
 * complete: a run that fails leaves no half report, and an older report is replaced whole or not at all.
 */
import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeSync } from "fs";
import { basename, dirname, join } from "path";
import { CliError, type Tr, type Writer } from "./io";

export class ReportFile implements Writer {
  private readonly temp: string;
  private fd: number | null = null;

  constructor(
    private readonly path: string,
    private readonly force: boolean,
    private readonly t: Tr,
  ) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    // Ctrl+C ends node without running any finally: the temporary file would stay beside the target.
    // Listened for before the file exists, so no moment has the file and no listener.
    process.once("SIGINT", this.interrupted);
    try {
      this.fd = openSync(this.temp, "wx");
    } catch (e) {
      process.removeListener("SIGINT", this.interrupted);
      throw this.cannotWrite(e);
    }
  }

  private readonly interrupted = (): void => {
    this.abandon();
    // 128 + SIGINT, as a shell reports a program Ctrl+C ended
    process.exit(130);
  };

  write(s: string): void {
    if (this.fd === null) return;
    try {
      writeSync(this.fd, s);
    } catch (e) {
      this.abandon();
      throw this.cannotWrite(e);
    }
  }

  /** The report takes its name. */
  finish(): void {
    if (this.fd === null) return;
    process.removeListener("SIGINT", this.interrupted);
    closeSync(this.fd);
    this.fd = null;
    try {
      // checked before the run (checkOutput); a file that appeared since is not replaced without --force either
      if (!this.force && existsSync(this.path)) {
        throw new CliError(
          this.t(`输出文件“${this.path}”已存在；如要覆盖请加 --force。`, `The output file "${this.path}" exists; add --force to overwrite it.`),
        );
      }
      renameSync(this.temp, this.path);
    } catch (e) {
      this.removeTemp();
      throw e instanceof CliError ? e : this.cannotWrite(e);
    }
  }

  /** The run failed: no report, and no temporary file left behind. */
  abandon(): void {
    process.removeListener("SIGINT", this.interrupted);
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    this.removeTemp();
  }

  private removeTemp(): void {
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }

  private cannotWrite(e: unknown): CliError {
    const code = (e as { code?: string }).code;
    const p = this.path;
    if (code === "ENOENT") return new CliError(this.t(`无法写入“${p}”：所在文件夹不存在。`, `Cannot write "${p}": its folder does not exist.`));
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      return new CliError(
        this.t(
          `无法写入“${p}”：没有权限，或文件正在 Excel、WPS 中打开（请关闭后重试）。`,
          `Cannot write "${p}": no permission, or the file is open in Excel or WPS (close it and try again).`,
        ),
      );
    }
    return new CliError(this.t(`无法写入“${p}”：${(e as Error).message}`, `Cannot write "${p}": ${(e as Error).message}`));
  }
}
