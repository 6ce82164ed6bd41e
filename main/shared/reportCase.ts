/** One (profile, request) case of a run or matrix report, with its judged checks. No imports: runs and reports both use it. */

export interface ReportAssertion {
  label: string;
  pass: boolean;
  expected: string;
  actual: string;
}

export interface ReportCase {
  profile: string;
  /** The request's name (folder/name when in a folder). */
  request: string;
  requestId?: string;
  status: number | null;
  /** Set when no response arrived. */
  error?: string;
  durationMs: number;
  assertions: ReportAssertion[];
}
