/**
 * What the batch keeps of each file: a summary and its findings, never the grid (200 workbooks
 * must fit in one tab). The worker sends these; the summary table, the downloads and the tests read them.
 */
import type { Severity } from "../../engine/findings";
import type { TableId } from "../../templates/schema";
import type { FileState } from "../../flows/fileState";
import type { Analysis } from "../../check/analyse";

/** A finding as the batch keeps it: what the 问题清单 and the CLI's CSV show. */
export interface BatchFinding {
  rule: string;
  severity: Severity;
  table: TableId | null;
  sheet: string;
  cell: string;
  message: string;
  messageEn: string;
  /** The reviewer's 审核说明 kept in the workbook, when there is one. */
  explanation?: string;
}

/** What a file was read as: a workbook, or a Word 工作报告 (its tables and body). */
export type FileKind = "xlsx" | "docx";

/** 可报送, 需修改 or 无法读取 (src/flows/fileState.ts). */
export type BatchState = FileState;

export interface FileSummary {
  /** Position in the order received (0-based): results come back in this order. */
  index: number;
  name: string;
  /** Null for a file that could not be read. */
  kind: FileKind | null;
  /** The unit the tables name (附件2/3 unit rows, else the 执法单位 line); "" when none. */
  unit: string;
  year: number | null;
  /** Ids of the tables found, in the workbook's order (a duplicate appears twice). */
  tables: TableId[];
  counts: Record<Severity, number>;
  /** Warnings that carry a 审核说明. */
  explained: number;
  state: BatchState;
  /** Why the file could not be read: the reader's one Chinese sentence (and its English twin). */
  error?: string;
  errorEn?: string;
  findings: BatchFinding[];
}

/** main → worker: one file to check (a File is a handle; its bytes are read in the worker). */
export interface CheckRequest {
  kind: "check";
  index: number;
  name: string;
  file: Blob;
}

/** worker → main: one file's result, in the order the requests came. */
export interface CheckResponse {
  summary: FileSummary;
}

/**
 * main → worker: one file of 与退回的上一批对比 to read and analyse; its whole analysis comes back,
 * since the pairs are compared (compareAnalyses) once both sides are read.
 */
export interface ReadRequest {
  kind: "read";
  index: number;
  name: string;
  file: Blob;
}

/**
 * One file of a round comparison: read (the unit its tables name, and its analysis, plain data that
 * survives the structured clone to the page) or not (the reader's sentence, in both languages).
 */
export type RoundRead = { unit: string; analysis: Analysis } | { error: string; errorEn: string };

/** worker → main: one file of the comparison, in the order the requests came. */
export interface ReadResponse {
  index: number;
  read: RoundRead;
}

export type WorkerRequest = CheckRequest | ReadRequest;
export type WorkerResponse = CheckResponse | ReadResponse;
