import { z } from 'zod';
import { checkKindSchema, checkOpSchema } from './checks';
import { profileName, requestSpecSchema } from './schemas';
import { extractSourceSchema } from './sessions';

/**
 * The workbench: the request tabs open in the app, each with its unsaved draft, and the layout
 * (sidebar width, request/response split). Kept in the workspace (`<dataDir>/tabs.json`) so a
 * reload, a crash or a restart loses nothing. Pure: zod only.
 */

/** Where a tab's request lives when it was opened from (or saved into) a collection. */
export const tabOriginSchema = z.object({
  collectionId: z.string().min(1),
  requestId: z.string().min(1),
  name: z.string(),
});

/** Which editor pane a tab shows. */
export const editorPaneSchema = z.enum([
  'params',
  'headers',
  'body',
  'auth',
  'cookies',
  'options',
  'extract',
  'checks',
]);

/** A rule or check as typed, possibly half done (the editors say what is wrong; Save refuses it). */
const draftRuleSchema = z.object({
  name: z.string().max(200),
  source: extractSourceSchema,
  expr: z.string().max(2000),
});
const draftCheckSchema = z.object({
  kind: checkKindSchema,
  op: checkOpSchema,
  target: z.string().max(2000),
  value: z.string().max(10_000),
  enabled: z.boolean().optional(),
});

export const workbenchTabSchema = z.object({
  id: z.string().min(1).max(100),
  /** The request as being edited. */
  draft: requestSpecSchema,
  origin: tabOriginSchema.nullable(),
  /** What the draft is compared to for the unsaved dot: the saved request, or null (never saved). */
  baseline: requestSpecSchema.nullable(),
  /** A title for tabs not in a collection (e.g. opened from history). */
  title: z.string().max(300).optional(),
  pane: editorPaneSchema.optional(),
  /** History entries holding the last response per profile, so they come back after a restart. */
  lastSent: z.record(profileName, z.object({ historyId: z.string(), at: z.string() })).optional(),
  /** Extraction rules being edited and what they are compared to (absent: untouched). */
  extract: z
    .object({ rules: z.array(draftRuleSchema).max(200), saved: z.array(draftRuleSchema).max(200) })
    .optional(),
  /** Checks being edited and what they are compared to (absent: untouched). */
  checks: z
    .object({ rows: z.array(draftCheckSchema).max(200), saved: z.array(draftCheckSchema).max(200) })
    .optional(),
});

export const workbenchLayoutSchema = z.object({
  /** Sidebar width in px. */
  sidebarWidth: z.number().min(160).max(800).optional(),
  sidebarCollapsed: z.boolean().optional(),
  /** Fraction of the centre height given to the request editor. */
  split: z.number().min(0.1).max(0.9).optional(),
  splitCollapsed: z.enum(['request', 'response']).nullable().optional(),
});

export const workbenchSchema = z.object({
  tabs: z.array(workbenchTabSchema).max(200),
  activeId: z.string().nullable(),
  layout: workbenchLayoutSchema.optional(),
});

export type TabOrigin = z.infer<typeof tabOriginSchema>;
export type EditorPane = z.infer<typeof editorPaneSchema>;
export type WorkbenchTab = z.infer<typeof workbenchTabSchema>;
export type WorkbenchLayout = z.infer<typeof workbenchLayoutSchema>;
export type Workbench = z.infer<typeof workbenchSchema>;

export const emptyWorkbench = (): Workbench => ({ tabs: [], activeId: null, layout: {} });

/** What `tabs.get` returns: the saved workbench, and a note when a damaged file was set aside. */
export type WorkbenchRead = Workbench & { notice?: string };

/** `collections.move`: drag and drop in the sidebar. The file's order is the order shown. */
export const collectionMoveArgs = z.object({
  collectionId: z.string().min(1),
  item: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('request'), id: z.string().min(1) }),
    z.object({ kind: z.literal('folder'), path: z.string().min(1) }),
  ]),
  /** Where it goes: into `folder` ('' = top level), before `before` (a request id or a sibling folder's path), else last. */
  to: z.object({ folder: z.string().max(500), before: z.string().nullable().optional() }),
});

export type CollectionMoveArgs = z.infer<typeof collectionMoveArgs>;
