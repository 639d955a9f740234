import { createVirtualizer } from '@tanstack/solid-virtual';
import { type Accessor, createComputed, createMemo, on } from 'solid-js';
import type { RunColumn } from './columns';

export interface VisibleColumn {
  column: RunColumn;
  /** Position among all (unpinned) columns, 0-based. */
  index: number;
}

export interface ColumnWindow {
  /** The unpinned columns that intersect the viewport (plus a few either side), in order. */
  visible: Accessor<VisibleColumn[]>;
  /** `grid-template-columns` for every row: pinned widths, a spacer for the columns scrolled off, the visible ones. */
  template: Accessor<string>;
  /** Width of the whole table in px. */
  totalWidth: Accessor<number>;
}

/**
 * Horizontal virtualization of the runs table's columns: rows draw only the cells in view, so a table with hundreds
 * of metric columns (MLflow #11927 has 12,000) lays out as cheaply as one with ten.
 */
export function createColumnWindow(opts: {
  scroller: () => HTMLElement | undefined;
  columns: Accessor<RunColumn[]>;
  width: (c: RunColumn) => number;
  /** Widths of the pinned columns, left to right. */
  pinned: Accessor<number[]>;
}): ColumnWindow {
  const pinnedWidth = createMemo(() => opts.pinned().reduce((a, b) => a + b, 0));
  const virtualizer = createVirtualizer({
    horizontal: true,
    get count() {
      return opts.columns().length;
    },
    getScrollElement: () => opts.scroller() ?? null,
    estimateSize: (i) => {
      // The virtualizer may ask for an index of the previous, longer column list while it catches up.
      const c = opts.columns()[i];
      return c ? opts.width(c) : 0;
    },
    get paddingStart() {
      return pinnedWidth();
    },
    overscan: 2,
    getItemKey: (i) => opts.columns()[i]?.id ?? i,
  });
  // Sizes are estimates the virtualizer caches: a resized column must be re-measured.
  createComputed(on(() => opts.columns().map((c) => opts.width(c)).join(), () => virtualizer.measure(), { defer: true }));
  const visible = createMemo<VisibleColumn[]>(
    () => {
      const cols = opts.columns();
      return virtualizer.getVirtualItems().flatMap((v) => (cols[v.index] ? [{ column: cols[v.index], index: v.index }] : []));
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x.column === b[i].column) },
  );
  const template = createMemo(() => {
    const cols = opts.columns();
    const v = visible();
    let skipped = 0;
    const first = Math.min(v[0]?.index ?? 0, cols.length);
    for (let i = 0; i < first; i++) skipped += opts.width(cols[i]);
    return [...opts.pinned(), skipped, ...v.map((x) => opts.width(x.column))].map((w) => `${w}px`).join(' ');
  });
  const totalWidth = createMemo(() => pinnedWidth() + opts.columns().reduce((a, c) => a + opts.width(c), 0));
  return { visible, template, totalWidth };
}
