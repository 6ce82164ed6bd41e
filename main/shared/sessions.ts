import { z } from 'zod';
import { checkSchema } from './checks';
import type { ReportCase } from './reportCase';
import type { ErrorCode } from './result';
import { requestSpecSchema } from './schemas';

/**
 * Sessions that keep themselves alive: run jars, login recipes, session-expiry detection,
 * extraction rules and the shape of a run's one history entry. Pure: zod only, no Node, so the
 * core, the CLI and the renderer share one definition.
 */

// ---------- run jars ----------

/**
 * How a run (matrix, `tandem run`, compare) treats the profiles' jars and variables:
 * - copy: each profile starts from an in-memory copy; changes live only in the run's result;
 * - fresh: empty jars, login recipes run first; nothing is written back;
 * - live: the profiles' own jars and variables, changed by the run (the old behaviour).
 */
export const jarModeSchema = z.enum(['copy', 'fresh', 'live']);
export type JarMode = z.infer<typeof jarModeSchema>;
export const JAR_MODES: readonly JarMode[] = ['copy', 'fresh', 'live'];
export const DEFAULT_JAR_MODE: JarMode = 'copy';

export const JAR_MODE_LABELS: Record<JarMode, { label: string; hint: string }> = {
  copy: {
    label: 'Copy of jars',
    hint: "Each profile starts from a copy of its jar; the profiles' own jars stay untouched",
  },
  fresh: {
    label: 'Fresh jars',
    hint: 'Empty jars; each profile logs in with its recipe first; nothing is kept',
  },
  live: { label: 'Live jars', hint: "Uses and changes the profiles' real jars and variables" },
};

// ---------- extraction ----------

export const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'a variable name: letters, digits, _ . - (up to 64)');

export const extractSourceSchema = z.enum(['json', 'regex', 'header', 'cookie', 'url']);
export type ExtractSource = z.infer<typeof extractSourceSchema>;

/** One rule: take a value from the response into the sending profile's variable `name`. */
export const extractRuleSchema = z.object({
  name: variableName,
  source: extractSourceSchema,
  /** JSONPath for json, a pattern for regex (group 1 if any), a header or cookie name; unused for url. */
  expr: z.string().max(2000),
});
export type ExtractRule = z.infer<typeof extractRuleSchema>;

/** What a rule took, shown in the response as `csrf = 9f2… → alice`. */
export const extractedSchema = z.object({
  name: z.string(),
  source: extractSourceSchema,
  /** null when the rule matched nothing (the variable is left as it was). */
  value: z.string().nullable(),
  profile: z.string(),
});
export type Extracted = z.infer<typeof extractedSchema>;

/**
 * Parses `NAME=json:$.path`, `NAME=header:Name`, `NAME=cookie:name`, `NAME=regex:PATTERN`,
 * `NAME=url` (the final URL). Returns the rule or a one-line error.
 */
export function parseExtractSpec(
  spec: string,
): { ok: true; rule: ExtractRule } | { ok: false; message: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0)
    return {
      ok: false,
      message: `--extract '${spec}' must look like NAME=json:$.path, header:Name, cookie:name, regex:PATTERN or url`,
    };
  const name = spec.slice(0, eq).trim();
  const rest = spec.slice(eq + 1);
  if (!variableName.safeParse(name).success)
    return { ok: false, message: `--extract '${spec}': '${name}' is not a variable name` };
  if (rest === 'url') return { ok: true, rule: { name, source: 'url', expr: '' } };
  const colon = rest.indexOf(':');
  const source = colon > 0 ? rest.slice(0, colon) : rest;
  const expr = colon > 0 ? rest.slice(colon + 1) : '';
  const parsed = extractSourceSchema.safeParse(source);
  if (!parsed.success)
    return {
      ok: false,
      message: `--extract '${spec}': unknown source '${source}' (use json, header, cookie, regex or url)`,
    };
  if (!expr && parsed.data !== 'url')
    return { ok: false, message: `--extract '${spec}': ${parsed.data} needs an expression after the colon` };
  if (parsed.data === 'regex') {
    try {
      new RegExp(expr);
    } catch (e) {
      return { ok: false, message: `--extract '${spec}': bad pattern (${(e as Error).message})` };
    }
  }
  return { ok: true, rule: { name, source: parsed.data, expr } };
}

/** `csrf = 9f2a1c… → alice`: values longer than `max` are clipped. */
export function describeExtracted(e: Extracted, max = 12): string {
  if (e.value === null) return `${e.name}: nothing matched (${e.source})`;
  const v = e.value.length > max ? `${e.value.slice(0, max)}…` : e.value;
  return `${e.name} = ${v} → ${e.profile}`;
}

// ---------- login recipes and session expiry ----------

/** A saved request the recipe sends, in order. */
export const recipeStepSchema = z.object({ collectionId: z.string().min(1), requestId: z.string().min(1) });
export type RecipeStep = z.infer<typeof recipeStepSchema>;

export const expirySchema = z.object({
  /** Statuses that mean "the session is gone" (default 401 and 419). */
  statuses: z.array(z.number().int().min(100).max(599)).max(20).optional(),
  /** A redirect to the recipe's login URL means the session is gone (default true). */
  loginRedirect: z.boolean().optional(),
  /** A cookie that must be in the jar for the request's URL (e.g. `session`); none by default. */
  cookie: z.string().max(200).optional(),
});
export type ExpiryRules = z.infer<typeof expirySchema>;

export const loginRecipeSchema = z.object({
  steps: z.array(recipeStepSchema).min(1).max(10),
  expiry: expirySchema.optional(),
  /** Re-login and retry once when a send meets an expired session (default true). */
  relogin: z.boolean().optional(),
});
export type LoginRecipe = z.infer<typeof loginRecipeSchema>;

export const DEFAULT_EXPIRY_STATUSES: readonly number[] = [401, 419];

// ---------- a run's one history entry ----------

export const runStepSchema = z.object({
  profile: z.string(),
  /** The saved request, when the step came from a collection. */
  requestId: z.string().optional(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  durationMs: z.number(),
  size: z.number(),
  /** login = a recipe step, retry = sent again after re-login. */
  role: z.enum(['login', 'retry']).optional(),
  relogged: z.boolean().optional(),
  extracted: z.array(extractedSchema).optional(),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runKindSchema = z.enum(['collection', 'matrix', 'compare', 'login']);
export type RunKind = z.infer<typeof runKindSchema>;

export const runRecordSchema = z.object({
  kind: runKindSchema,
  jars: jarModeSchema,
  /** What ran: the collection's name, or the compared request. */
  title: z.string(),
  profiles: z.array(z.string()),
  steps: z.array(runStepSchema),
  /** Steps left out of `steps` to keep the entry small. */
  stepsOmitted: z.number().int().min(0),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** How many steps a run's history entry keeps (the summary still counts all). */
export const RUN_STEPS_KEPT = 2000;

/** A history entry is a run when it carries `run`. */
export function isRunEntry<T extends { run?: RunRecord }>(e: T): e is T & { run: RunRecord } {
  return e.run !== undefined;
}

// ---------- matrix expectations ----------

/** A verdict, an exact status, or any check (shared/checks.ts) judged against the cell's response. */
export const expectationSchema = z.union([
  z.enum(['allow', 'deny']),
  z.number().int().min(100).max(599),
  checkSchema,
]);
/** requestId → profile → expected verdict or status. */
export const matrixExpectationsSchema = z.record(z.string(), z.record(z.string(), expectationSchema));

// ---------- collection runs ----------

/** A collection as a file or inline argument (the `Collection` JSON); ids and names default. */
export const collectionInputSchema = z.object({
  id: z.string().default('file'),
  name: z.string().default('collection'),
  folders: z.array(z.string()).default([]),
  requests: z.array(
    z.object({
      id: z.string().default(''),
      name: z.string().default(''),
      folder: z.string().default(''),
      request: requestSpecSchema,
      extract: z.array(extractRuleSchema).max(50).optional(),
      checks: z.array(checkSchema).max(100).optional(),
    }),
  ),
});

export interface RunSummary {
  requests: number;
  responses: number;
  failed: number;
  /** Responses per status class: '1xx' … '5xx'. */
  statusClasses: Record<string, number>;
  /** The first failures, for the report (at most 20). */
  failures: Array<{ profile: string; request: string; code: ErrorCode; message: string }>;
  /** Sends that met an expired session and were retried after the login recipe ran. */
  relogged: number;
  /** The saved requests' checks judged (shared/checks.ts): how many held and how many did not. */
  checks?: { passed: number; failed: number };
}

export interface CollectionRunResult {
  collection: string;
  profiles: string[];
  iterations: number;
  jars: JarMode;
  durationMs: number;
  summary: RunSummary;
  /** The run's one history entry. */
  historyId: string;
  cancelled: boolean;
  /** One case per send with its checks judged, for reports (the first RUN_STEPS_KEPT). */
  cases?: ReportCase[];
  /** The environment the run used, if any. */
  environment?: string | null;
}

/** What `profiles.login` / `tandem login` report. */
export interface LoginResult {
  profile: string;
  status: number;
  statusText: string;
  /** How many saved requests the recipe sent. */
  steps: number;
  extracted: Extracted[];
}

// ---------- the will-send preview ----------

/** Why a jar (or typed) cookie will not go out with the request. */
export const skipReasonSchema = z.enum(['path', 'domain', 'secure', 'expired', 'overridden']);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/**
 * What a request would send, computed without sending or writing anything (`request.preview`,
 * `tandem send --dry-run --json`): the request line and headers with the one Cookie header, and
 * every cookie that will or will not go out, with why.
 */
export interface SendPreview {
  request: { method: string; url: string; headers: Array<[string, string]> };
  cookies: {
    send: Array<{
      name: string;
      value: string;
      domain: string;
      path: string;
      source: 'jar' | 'request' | 'header';
    }>;
    skip: Array<{ name: string; domain: string; path: string; reason: SkipReason }>;
  };
}

export const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  path: 'its path does not cover the URL',
  domain: 'its domain does not match the host (or it is host-only for another host)',
  secure: 'Secure, and the URL is not https',
  expired: 'expired',
  overridden: 'a per-request or typed cookie of the same name wins',
};
