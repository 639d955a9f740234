import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, createRenderEffect, For, Show } from 'solid-js';
import { NAME_COLUMN, type RunColumn } from './columns';
import type { DisplayRow } from './display-rows';
import { type CellContext, GroupCell, groupNameCell, runCell, runNameCell } from './RunCells';
import { ColumnHeader } from './ColumnHeader';
import { createColumnWindow, type VisibleColumn } from './create-column-window';
import { createFastScroll } from '../primitives/create-fast-scroll';

/** Row height in px; fixed, so the virtualizer never measures. */
export const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const CHECK_WIDTH = 40;
/** Marks the spacer cell that stands for the columns scrolled off to the left. */
const SPACER: VisibleColumn = { column: { ...NAME_COLUMN, id: 'spacer' }, index: -2 };

export interface RunsGridProps {
  label: string;
  rows: DisplayRow[];
  columns: RunColumn[];
  width: (column: RunColumn) => number;
  onResize: (column: RunColumn, width: number) => void;
  sortColumn: string;
  ascending: boolean;
  onSort: (column: RunColumn) => void;
  selected: ReadonlySet<string>;
  /** Runs the header checkbox selects: every run in the view, also those in collapsed rows. */
  selectableCount: number;
  onSelect: (runIds: string[], selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onToggleRow: (row: DisplayRow) => void;
  groupLabel: string;
  ctx: CellContext;
}

/**
 * The runs table: an ARIA table of div rows, virtualized in both directions (only the rows and columns in view
 * exist in the DOM, so 10,000 runs scroll like 30), with a sticky header and the checkbox and run-name columns
 * pinned on the left. While the table scrolls by jumps, rows show only their names, and fill in when it settles.
 */
export function RunsGrid(props: RunsGridProps) {
  let scroller!: HTMLDivElement;
  const virtualizer = createVirtualizer({
    get count() {
      return props.rows.length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 4,
    getItemKey: (i) => props.rows[i]?.id ?? i,
  });
  const { visible, template, totalWidth } = createColumnWindow({
    scroller: () => scroller,
    columns: () => props.columns,
    width: (c) => props.width(c),
    pinned: () => [CHECK_WIDTH, props.width(NAME_COLUMN)],
  });
  const fast = createFastScroll(() => scroller);
  const allSelected = () => props.selectableCount > 0 && props.selected.size >= props.selectableCount;

  return (
    <div
      ref={scroller}
      class="runs-grid"
      role="table"
      aria-label={props.label}
      aria-rowcount={props.rows.length + 1}
      aria-colcount={props.columns.length + 2}
      style={{ '--grid-template': template() }}
    >
      <div class="runs-grid-inner" style={{ height: `${virtualizer.getTotalSize()}px`, width: `${totalWidth()}px` }}>
        <div class="grid-row grid-header" role="row" aria-rowindex={1}>
          <div class="grid-cell pin pin-check" role="columnheader" aria-colindex={1}>
            <input
              type="checkbox"
              aria-label="Select all runs"
              checked={allSelected()}
              ref={(el) => createRenderEffect(() => (el.indeterminate = props.selected.size > 0 && !allSelected()))}
              onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
            />
          </div>
          <For each={[{ column: NAME_COLUMN, index: -1 }, SPACER, ...visible()]}>
            {({ column, index }) =>
              column === SPACER.column ? (
                <div class="grid-spacer" />
              ) : (
                <ColumnHeader
                  column={column}
                  pinned={column === NAME_COLUMN}
                  colIndex={index + 3}
                  width={props.width(column)}
                  sorted={props.sortColumn === column.id ? (props.ascending ? 'ascending' : 'descending') : undefined}
                  onSort={() => props.onSort(column)}
                  onResize={(w) => props.onResize(column, w)}
                />
              )
            }
          </For>
        </div>
        <For each={virtualizer.getVirtualItems()}>
          {(item) => (
            <Show when={props.rows[item.index]} keyed>
              {(row) => (
                <GridRow
                  row={row}
                  index={item.index}
                  start={item.start}
                  columns={visible()}
                  light={fast()}
                  selected={row.kind === 'run' ? props.selected.has(row.run.info.runId) : row.runs.every((r) => props.selected.has(r.info.runId))}
                  onSelect={(on) => props.onSelect(row.kind === 'run' ? [row.run.info.runId] : row.runs.map((r) => r.info.runId), on)}
                  onToggle={() => props.onToggleRow(row)}
                  groupLabel={props.groupLabel}
                  ctx={props.ctx}
                />
              )}
            </Show>
          )}
        </For>
      </div>
    </div>
  );
}

interface GridRowProps {
  row: DisplayRow;
  index: number;
  start: number;
  columns: VisibleColumn[];
  /** Draw only the pinned cells (while the table scrolls by jumps). */
  light: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onToggle: () => void;
  groupLabel: string;
  ctx: CellContext;
}

/** One row; `props.row` never changes for an instance (the grid re-creates rows whose data changed). */
function GridRow(props: GridRowProps) {
  const row = props.row;
  const isRun = row.kind === 'run';
  const name = isRun ? row.run.info.runName : `${props.groupLabel} = ${row.value ?? '(none)'}`;
  const checkLabel = isRun ? `Select run ${name}` : `Select all runs in group ${name}`;
  const runId = isRun ? row.run.info.runId : undefined;
  const deleted = isRun && row.run.info.lifecycleStage === 'deleted';
  const nameCell = isRun ? runNameCell(row, props.onToggle) : groupNameCell(row, props.groupLabel, props.onToggle);
  const cells = createMemo(() =>
    props.light ? [] : props.columns.map(({ column, index }) => {
      if (isRun) return runCell(column, row.run, props.ctx, index + 3);
      const cls = column.numeric ? 'grid-cell numeric' : 'grid-cell';
      return <div class={cls} role="cell" aria-colindex={index + 3}><GroupCell column={column} group={row} ctx={props.ctx} /></div>;
    }),
  );
  return (
    <div
      class={`grid-row${isRun ? '' : ' group-row'}${deleted ? ' deleted' : ''}`}
      classList={{ selected: props.selected }}
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      data-run-id={runId}
      style={{ transform: `translateY(${props.start}px)` }}
    >
      <div class="grid-cell pin pin-check" role="cell" aria-colindex={1}>
        <input type="checkbox" aria-label={checkLabel} checked={props.selected} onChange={(e) => props.onSelect(e.currentTarget.checked)} />
      </div>
      <div class="grid-cell pin pin-name" role="cell" aria-colindex={2}>{nameCell}</div>
      <div class="grid-spacer" />
      {cells()}
    </div>
  );
}
