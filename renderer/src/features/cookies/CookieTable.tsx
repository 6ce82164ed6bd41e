import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { JarCookie } from '../../../../main/shared/cookieInfo';
import type { CookieView } from '../../../../main/shared/types';
import { displayDomain, flagsOf, formatExpires, formatSize } from './model';

export interface CookieTableProps {
  cookies: CookieView[];
  onEdit(c: CookieView): void;
  onDelete(c: CookieView): void;
  /** Opens the cookie's details (source, last values, decoded value, warnings). */
  onDetails?(c: CookieView): void;
}

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_FROM = 150;
/** Narrower than this, each cookie takes two lines: name and value, then its attributes. */
export const COMPACT_BELOW = 720;
const ROW_H = 28;
const COMPACT_ROW_H = 46;

const WIDE = ['Name', 'Value', 'Domain', 'Path', 'Expires', 'HttpOnly', 'Secure', 'SameSite', 'Size'];
const COMPACT = ['Name', 'Value', 'Attributes'];

/** The element's width, following resizes (0 until measured, e.g. in a DOM without layout). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

interface RowProps {
  c: CookieView;
  index: number;
  compact: boolean;
  onEdit(c: CookieView): void;
  onDelete(c: CookieView): void;
  onDetails?(c: CookieView): void;
  style?: CSSProperties;
}

function Actions({
  c,
  where,
  onEdit,
  onDelete,
  onDetails,
}: Pick<RowProps, 'c' | 'onEdit' | 'onDelete' | 'onDetails'> & { where: string }) {
  return (
    <td className="cookies-cell cookies-actions">
      {onDetails ? (
        <button
          type="button"
          className="ui-icon-button"
          aria-label={`Details of cookie ${c.name} on ${where}`}
          title="Details: source, last values, decoded value, warnings"
          onClick={() => onDetails(c)}
        >
          …
        </button>
      ) : null}
      <button
        type="button"
        className="ui-icon-button"
        aria-label={`Edit cookie ${c.name} on ${where}`}
        title="Edit"
        onClick={() => onEdit(c)}
      >
        ✎
      </button>
      <button
        type="button"
        className="ui-icon-button cookies-delete"
        aria-label={`Delete cookie ${c.name} on ${where}`}
        title="Delete"
        onClick={() => onDelete(c)}
      >
        ×
      </button>
    </td>
  );
}

/** ⚠ after the name when the cookie has lint warnings (the details say why). */
function Warn({ c }: { c: CookieView }) {
  const warnings = (c as Partial<JarCookie>).warnings;
  if (!warnings?.length) return null;
  return (
    <span className="cookies-warn" title={warnings.map((w) => w.message).join('\n')}>
      ⚠
    </span>
  );
}

function Row({ c, index, compact, onEdit, onDelete, onDetails, style }: RowProps) {
  const where = displayDomain(c);
  const value = c.value || <span className="cookies-faint">(empty)</span>;
  if (compact) {
    return (
      <tr
        aria-rowindex={index + 2}
        className="cookies-row cookies-row-compact"
        style={style}
        onDoubleClick={() => onEdit(c)}
      >
        <td className="cookies-cell cookies-name mono" title={c.name}>
          {c.name}
          <Warn c={c} />
        </td>
        <td className="cookies-cell cookies-value mono" title={c.value}>
          {value}
        </td>
        <td className="cookies-cell cookies-meta">
          <span className="mono" title={`${where}${c.path}`}>
            {where}
            <span className="cookies-faint">{c.path}</span>
          </span>
          <span className={c.expires ? '' : 'cookies-faint'} title={c.expires ?? 'Session cookie'}>
            {formatExpires(c.expires)}
          </span>
          {flagsOf(c).map((f) => (
            <span key={f} className="cookies-flag-badge">
              {f}
            </span>
          ))}
          <span className="cookies-faint">{formatSize(c.size)}</span>
        </td>
        <Actions c={c} where={where} onEdit={onEdit} onDelete={onDelete} onDetails={onDetails} />
      </tr>
    );
  }
  return (
    <tr aria-rowindex={index + 2} className="cookies-row" style={style} onDoubleClick={() => onEdit(c)}>
      <td className="cookies-cell cookies-name mono" title={c.name}>
        {c.name}
        <Warn c={c} />
      </td>
      <td className="cookies-cell cookies-value mono" title={c.value}>
        {value}
      </td>
      <td className="cookies-cell mono" title={where}>
        {where}
      </td>
      <td className="cookies-cell mono">{c.path}</td>
      <td className={`cookies-cell${c.expires ? '' : ' cookies-faint'}`} title={c.expires ?? ''}>
        {formatExpires(c.expires)}
      </td>
      <td className="cookies-cell cookies-flag">{c.httpOnly ? '✓' : ''}</td>
      <td className="cookies-cell cookies-flag">{c.secure ? '✓' : ''}</td>
      <td className="cookies-cell">{c.sameSite ?? ''}</td>
      <td className="cookies-cell cookies-num">{formatSize(c.size)}</td>
      <Actions c={c} where={where} onEdit={onEdit} onDelete={onDelete} onDetails={onDetails} />
    </tr>
  );
}

/** The jar as a dense table; thousands of rows stay smooth because only visible rows render. */
export function CookieTable({ cookies, onEdit, onDelete, onDetails }: CookieTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  const compact = width > 0 && width < COMPACT_BELOW;
  const rowH = compact ? COMPACT_ROW_H : ROW_H;
  const virtual = cookies.length >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? cookies.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowH,
    overscan: 12,
  });
  useLayoutEffect(() => {
    if (virtual && rowH) virtualizer.measure();
  }, [rowH, virtual, virtualizer]);

  const headers = compact ? COMPACT : WIDE;
  const row = (c: CookieView, i: number, style?: CSSProperties) => (
    <Row
      key={`${c.domain}\t${c.path}\t${c.name}`}
      c={c}
      index={i}
      compact={compact}
      onEdit={onEdit}
      onDelete={onDelete}
      onDetails={onDetails}
      style={style}
    />
  );

  return (
    <div ref={scrollRef} className="cookies-scroll">
      <table
        className={`cookies-table${compact ? ' cookies-compact' : ''}`}
        aria-label="Cookies"
        aria-rowcount={cookies.length + 1}
      >
        <thead className="cookies-head">
          <tr
            aria-rowindex={1}
            className={`cookies-row cookies-head-row${compact ? ' cookies-row-compact' : ''}`}
          >
            {headers.map((label) => (
              <th key={label} scope="col" className="cookies-cell">
                {label}
              </th>
            ))}
            <th scope="col" className="cookies-cell">
              <span className="ui-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {virtual ? (
          <tbody className="cookies-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) =>
              row(cookies[item.index], item.index, {
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }),
            )}
          </tbody>
        ) : (
          <tbody className="cookies-body">{cookies.map((c, i) => row(c, i))}</tbody>
        )}
      </table>
    </div>
  );
}
