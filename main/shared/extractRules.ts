import { type ExtractRule, type ExtractSource, extractRuleSchema } from './sessions';

/**
 * Extraction rules as the request editor edits them: rows that may be half typed, checked with
 * the same schema the core saves them with, one line per problem. Pure.
 */

export const EXTRACT_SOURCE_LABELS: Record<ExtractSource, { label: string; placeholder: string }> = {
  json: { label: 'JSON path', placeholder: '$.csrf' },
  regex: { label: 'Regex', placeholder: 'name="csrf" value="([^"]+)"' },
  header: { label: 'Header', placeholder: 'X-Request-Id' },
  cookie: { label: 'Cookie', placeholder: 'session' },
  url: { label: 'Final URL', placeholder: '(the URL after redirects)' },
};

/** The one-line problem with a rule, or null when it can be saved and applied. */
export function extractRuleError(rule: ExtractRule): string | null {
  const parsed = extractRuleSchema.safeParse(rule);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0] ?? '');
    if (field === 'name')
      return rule.name.trim() === '' ? 'Give the variable a name' : `'${rule.name}' is not ${issue.message}`;
    return `${field ? `${field}: ` : ''}${issue.message}`;
  }
  if (rule.source === 'url') return null;
  if (rule.expr.trim() === '') return `${EXTRACT_SOURCE_LABELS[rule.source].label} needs an expression`;
  if (rule.source === 'json' && !rule.expr.trim().startsWith('$'))
    return 'A JSON path starts with $ (e.g. $.csrf or $.items[0].id)';
  if (rule.source === 'regex') {
    try {
      new RegExp(rule.expr);
    } catch (e) {
      return `Bad pattern: ${(e as Error).message}`;
    }
  }
  return null;
}

/** The rules as saved: url rules carry no expression. */
export function normalizeRules(rules: readonly ExtractRule[]): ExtractRule[] {
  return rules.map((r) => ({
    name: r.name.trim(),
    source: r.source,
    expr: r.source === 'url' ? '' : r.expr,
  }));
}

/** The first problem across the rules, as `Rule 2: …`, or null. */
export function firstRuleError(rules: readonly ExtractRule[]): string | null {
  for (const [i, r] of rules.entries()) {
    const e = extractRuleError(r);
    if (e) return `Extract rule ${i + 1}: ${e}`;
  }
  const seen = new Set<string>();
  for (const [i, r] of rules.entries()) {
    if (seen.has(r.name.trim())) return `Extract rule ${i + 1}: '${r.name.trim()}' is extracted twice`;
    seen.add(r.name.trim());
  }
  return null;
}
