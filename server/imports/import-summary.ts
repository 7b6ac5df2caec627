/** The one JSON summary every importer prints (CLI) or returns (HTTP). */
export interface ImportError {
  /** 1-based line of the input file, where the format has lines. */
  line?: number;
  /** Feature index or external id, where the format has no lines. */
  feature?: string;
  reason: string;
}

export interface ImportSummary {
  /** The file's name (without its folder). */
  file?: string;
  read: number;
  imported: number;
  updated: number;
  skipped: number;
  rejected: number;
  errors: ImportError[];
  warnings?: string[];
  /** Addresses and street segments taken over from the municipality --move-from names. */
  moved?: number;
}

export function emptySummary(): ImportSummary {
  return { read: 0, imported: 0, updated: 0, skipped: 0, rejected: 0, errors: [] };
}
