/**
 * How `xzzf check` runs LibreOffice on an .xls/.et/.ods, with a stand-in `soffice` first on the PATH
 * (a shell script that logs its arguments and the profile it was given, then copies the seed .xlsx
 * as its output, fails, or hangs): the copy in a private temp folder, a profile per LibreOffice with
 * macros off, at most one LibreOffice per core, the time limit, and nothing left behind. What real
 * LibreOffice makes of the files is tests/cli/convert.test.ts.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { availableParallelism } from "os";
import { delimiter, join, resolve } from "path";
import { run, tempDir } from "./run";
import { legacyKind } from "../../src/cli/legacy";

const FIXTURES = resolve(__dirname, "..", "fixtures");
const SEED_XLSX = join(FIXTURES, "files", "seed.xlsx");
const SEED_XLS = join(FIXTURES, "convert", "seed.xls");
const SEED_ODS = join(FIXTURES, "convert", "seed.ods");

const tmp = tempDir("convert-limits");
afterAll(() => tmp.cleanup());

const FAKE = `#!/bin/sh
# a stand-in for LibreOffice: logs, then does what FAKE_MODE says
: "\${FAKE_DIR:?}"
echo "start $$ $(date +%s%N)" >> "$FAKE_DIR/log"
printf '%s\\n' "$@" > "$FAKE_DIR/args-$$"
out=""; prev=""; profile=""; inputs=""
for a in "$@"; do
  if [ -n "$out" ]; then inputs="$inputs $a"; fi
  [ "$prev" = "--outdir" ] && out="$a"
  case "$a" in -env:UserInstallation=file://*) profile="\${a#-env:UserInstallation=file://}" ;; esac
  prev="$a"
done
cp "$profile/user/registrymodifications.xcu" "$FAKE_DIR/profile-$$.xcu"
set -- $inputs
case "$FAKE_MODE" in
  hang) sleep 30 & echo $! > "$FAKE_DIR/sleep-pid"; wait ;;
  fail) exit 1 ;;
  silent) ;;
  # in a run of several files, the first is not converted (as LibreOffice skips a file it cannot load)
  drop-first) [ $# -gt 1 ] && shift; sleep 0.3; for i in "$@"; do b=\${i##*/}; cp "$FAKE_SEED" "$out/\${b%.*}.xlsx"; done ;;
  *) sleep 0.3; for i in "$@"; do b=\${i##*/}; cp "$FAKE_SEED" "$out/\${b%.*}.xlsx"; done ;;
esac
echo "end $$ $(date +%s%N)" >> "$FAKE_DIR/log"
`;

let n = 0;
/** A fresh folder with the stand-in soffice, put first on the PATH for `fn`. */
async function withFakeSoffice<T>(mode: string, fn: (dir: string) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const dir = tmp.path(`fake-${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "soffice"), FAKE);
  chmodSync(join(dir, "soffice"), 0o755);
  const saved = { ...process.env };
  Object.assign(process.env, { PATH: `${dir}${delimiter}${saved.PATH}`, FAKE_DIR: dir, FAKE_MODE: mode, FAKE_SEED: SEED_XLSX, ...env });
  try {
    return await fn(dir);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

function argsOf(dir: string): string[][] {
  return readdirSync(dir)
    .filter((f) => f.startsWith("args-"))
    .map((f) => readFileSync(join(dir, f), "utf8").trim().split("\n"));
}

function profileOf(args: string[]): string {
  return args.find((a) => a.startsWith("-env:UserInstallation=file://"))!.slice("-env:UserInstallation=file://".length);
}

interface JsonOut {
  files: Array<{ file: string; error: string | null; findings: unknown[] }>;
}

const describeUnix = process.platform === "win32" ? describe.skip : describe;

describeUnix("xzzf check with a stand-in LibreOffice", () => {
  test("a copy is converted in a private folder with its own macro-free profile; the original is untouched; nothing is left", async () => {
    const xls = tmp.path("报表 (1).xls");
    copyFileSync(SEED_XLS, xls);
    const before = readFileSync(xls);
    await withFakeSoffice("ok", async (dir) => {
      const r = await run(["check", xls, "--format", "json"]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as JsonOut;
      expect(out.files[0].file).toBe(xls);
      expect(out.files[0].findings).toHaveLength(46);
      const [args] = argsOf(dir);
      expect(args.slice(0, 5)).toEqual(["--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault"]);
      expect(args.slice(-5, -3)).toEqual(["--convert-to", "xlsx"]);
      // LibreOffice is given a copy with a plain name, in the temp folder it writes into, never the user's file
      const input = args[args.length - 1];
      const outDir = args[args.length - 2];
      expect(input).toBe(join(outDir, "workbook-0.xls"));
      expect(input).not.toBe(xls);
      const profile = profileOf(args);
      expect(profile.startsWith(resolve(outDir, ".."))).toBe(true);
      expect(args.join(" ")).not.toMatch(/macro|--infilter|vbaproject/i);
      const xcu = readFileSync(
        join(
          dir,
          readdirSync(dir).find((f) => f.endsWith(".xcu"))!,
        ),
        "utf8",
      );
      expect(xcu).toMatch(/DisableMacrosExecution" oor:op="fuse"><value>true</);
      expect(xcu).toMatch(/MacroSecurityLevel" oor:op="fuse"><value>3</);
      // the temp folder (profile, copy, output) is gone once the command is done
      expect(existsSync(outDir)).toBe(false);
      expect(existsSync(profile)).toBe(false);
    });
    expect(readFileSync(xls).equals(before)).toBe(true);
  });

  test("a batch of six legacy files: at most one LibreOffice per core, files that wait go to one LibreOffice together, a profile is never shared by two running", async () => {
    const files = Array.from({ length: 6 }, (_, i) => tmp.path(`b${i}.${i % 2 ? "ods" : "xls"}`));
    files.forEach((f, i) => copyFileSync(i % 2 ? SEED_ODS : SEED_XLS, f));
    await withFakeSoffice("ok", async (dir) => {
      const r = await run(["check", ...files, "--format", "json"]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as JsonOut;
      expect(out.files.map((f) => f.file)).toEqual(files);
      for (const f of out.files) expect(f.findings).toHaveLength(46);
      // from the log: how many ran at once, at most
      const events = readFileSync(join(dir, "log"), "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split(" "))
        .map(([what, pid, ns]) => ({ what, pid, at: BigInt(ns) }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const profile = (pid: string) =>
        profileOf(
          readFileSync(join(dir, `args-${pid}`), "utf8")
            .trim()
            .split("\n"),
        );
      const runningNow = new Set<string>();
      let most = 0;
      for (const e of events) {
        if (e.what === "end") {
          runningNow.delete(e.pid);
          continue;
        }
        // a profile is never used by two LibreOffices at once
        for (const other of runningNow) expect(profile(other)).not.toBe(profile(e.pid));
        runningNow.add(e.pid);
        most = Math.max(most, runningNow.size);
      }
      // the first files start alone, the ones that waited share a LibreOffice
      const starts = events.filter((e) => e.what === "start").length;
      expect(starts).toBeLessThan(6);
      expect(argsOf(dir).reduce((sum, a) => sum + a.filter((x) => /workbook-\d+\.(xls|ods)$/.test(x)).length, 0)).toBe(6);
      expect(most).toBeLessThanOrEqual(availableParallelism());
      // and reused one run after another rather than made anew
      expect(new Set(argsOf(dir).map(profileOf)).size).toBeLessThanOrEqual(availableParallelism());
    });
  });

  test("a file a shared LibreOffice run did not convert is tried again alone", async () => {
    const files = Array.from({ length: 5 }, (_, i) => tmp.path(`d${i}.xls`));
    for (const f of files) copyFileSync(SEED_XLS, f);
    await withFakeSoffice("drop-first", async (dir) => {
      const r = await run(["check", ...files, "--format", "json"]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as JsonOut;
      for (const f of out.files) expect(f.findings).toHaveLength(46);
      const inputsPerRun = argsOf(dir).map((a) => a.filter((x) => /workbook-\d+\.xls$/.test(x)).length);
      // a shared run dropped one file, which then had a run of its own
      expect(inputsPerRun.some((n) => n > 1)).toBe(true);
      expect(inputsPerRun.reduce((a, b) => a + b, 0)).toBe(5 + inputsPerRun.filter((n) => n > 1).length);
    });
  });

  test("a LibreOffice that hangs is killed after the time limit (XZZF_CONVERT_TIMEOUT), named in one sentence; the other files are checked", async () => {
    const xls = tmp.path("卡住.xls");
    copyFileSync(SEED_XLS, xls);
    await withFakeSoffice(
      "hang",
      async (dir) => {
        const r = await run(["check", xls, SEED_XLSX]);
        expect(r.code).toBe(2);
        expect(r.stdout).toContain(`== ${xls} ==\n无法读取：LibreOffice 无法把“卡住.xls”转换为 .xlsx（超过 0.5 秒仍未完成，已中止），`);
        expect(r.stdout).toContain(`== ${SEED_XLSX} ==\n报告年度：2024`);
        expect(r.stdout).toContain("共 2 个文件：1 个无法读取");
        // the whole process group went, the hung child included (gone, or a zombie nobody reaped yet)
        const pid = readFileSync(join(dir, "sleep-pid"), "utf8").trim();
        await new Promise((res) => setTimeout(res, 200));
        const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] : "gone";
        expect(["gone", "Z"]).toContain(stat);
      },
      { XZZF_CONVERT_TIMEOUT: "0.5" },
    );
  }, 20_000);

  test("a LibreOffice that fails, or writes nothing: one sentence naming the file, exit 2", async () => {
    const xls = tmp.path("坏.xls");
    copyFileSync(SEED_XLS, xls);
    for (const mode of ["fail", "silent"]) {
      await withFakeSoffice(mode, async () => {
        const r = await run(["check", xls, "--format", "json"]);
        expect(r.code).toBe(2);
        const out = JSON.parse(r.stdout) as JsonOut;
        expect(out.files[0].error).toBe("LibreOffice 无法把“坏.xls”转换为 .xlsx（转换失败），文件可能已损坏，请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。");
        expect(r.stderr).toBe(`xzzf: ${xls}：${out.files[0].error}\n`);
      });
    }
  });

  test("a password-protected .xls (FILEPASS after BOF) is refused as encrypted, never handed to LibreOffice", async () => {
    const bytes = Buffer.from(readFileSync(SEED_XLS));
    const bof = bytes.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]));
    expect(bof).toBeGreaterThan(0);
    bytes[bof + 20] = 0x2f;
    bytes[bof + 21] = 0x00;
    const xls = tmp.path("加密.xls");
    writeFileSync(xls, bytes);
    await withFakeSoffice("ok", async (dir) => {
      const r = await run(["check", xls]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain("无法读取：该文件已加密（设置了打开密码）");
      expect(argsOf(dir)).toHaveLength(0);
    });
  });

  test("annotate, ratios and --prior take an .xls too", async () => {
    const xls = tmp.path("上年.xls");
    copyFileSync(SEED_XLS, xls);
    await withFakeSoffice("ok", async (dir) => {
      const a = await run(["annotate", xls, "--out", tmp.path("标注.xlsx")]);
      expect(a.stdout).toContain("已标注 46 条");
      expect(a.code).toBe(0);
      const p = await run(["check", SEED_XLSX, "--prior", xls]);
      // the stand-in hands back the seed itself: the same year, which --prior refuses by name
      expect(p.stdout).toContain("上年报表“");
      expect(p.stdout).toContain("是 2024 年的");
      expect(argsOf(dir)).toHaveLength(2);
    });
  });
});

describe("without LibreOffice", () => {
  test("one Chinese sentence on how to install it or re-save, exit 2; the other files are checked", async () => {
    const xls = tmp.path("旧表.xls");
    const ods = tmp.path("表格.ods");
    copyFileSync(SEED_XLS, xls);
    copyFileSync(SEED_ODS, ods);
    const saved = process.env.PATH;
    process.env.PATH = tmp.path("empty-path");
    try {
      const r = await run(["check", xls, SEED_XLSX, ods, "--format", "json"]);
      expect(r.code).toBe(2);
      const out = JSON.parse(r.stdout) as JsonOut;
      expect(out.files.map((f) => f.findings.length)).toEqual([0, 46, 0]);
      const [e1, , e3] = out.files.map((f) => f.error);
      expect(e1).toBe(
        "“旧表.xls”是旧版 .xls/.et 格式的文件，需要 LibreOffice 转换后才能检查，但本机没有找到 soffice：请安装 LibreOffice（Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；Windows：安装 LibreOffice，或用 WPS、Excel 打开），或在 Excel、WPS 中将它另存为 .xlsx 后再试。",
      );
      expect(e3).toMatch(/^“表格\.ods”是OpenDocument 表格（\.ods）文件，需要 LibreOffice/);
      // one sentence: a single full stop, at the end
      for (const e of [e1, e3]) expect(e!.split("。")).toEqual([expect.any(String), ""]);
      const en = await run(["check", xls, "--lang", "en"]);
      expect(en.stdout).toContain(
        `"旧表.xls" is a legacy .xls/.et workbook, which needs LibreOffice to convert it, and soffice was not found: install LibreOffice`,
      );
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe("legacyKind: told by content, not by name", () => {
  test(".xls (and a copy named .xlsx), .ods; not an .xlsx, a Word .doc or text", () => {
    expect(legacyKind(readFileSync(SEED_XLS))).toBe("xls");
    expect(legacyKind(readFileSync(SEED_ODS))).toBe("ods");
    expect(legacyKind(readFileSync(SEED_XLSX))).toBeNull();
    // an OLE file with a WordDocument stream: a Word 97 document, refused by the reader as such
    const doc = Buffer.concat([Buffer.from(readFileSync(SEED_XLS).subarray(0, 1024)), Buffer.from("WordDocument", "utf16le"), Buffer.alloc(512)]);
    expect(legacyKind(doc)).toBeNull();
    expect(legacyKind(Buffer.from("a,b\n1,2\n"))).toBeNull();
    expect(legacyKind(new Uint8Array(0))).toBeNull();
  });
});
