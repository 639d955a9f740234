import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, createRenderEffect, For, Match, Show, Switch } from 'solid-js';
import { NAME_COLUMN, type RunColumn } from './columns';
import type { DisplayRow } from './display-rows';
import { type CellContext, GroupCell, GroupNameCell, RunCell, RunNameCell } from './RunCells';
import { ColumnHeader } from './ColumnHeader';

/** Row height in px; fixed, so the virtualizer never measures. */
export const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const CHECK_WIDTH = 40;

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
 * The runs table: an ARIA table of div rows, virtualized (only the rows in view exist in the DOM, so 10,000 runs
 * scroll like 30), with a sticky header and the checkbox and run-name columns pinned on the left.
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
    overscan: 12,
    getItemKey: (i) => props.rows[i]?.id ?? i,
  });
  const template = createMemo(() => [CHECK_WIDTH, ...[NAME_COLUMN, ...props.columns].map((c) => props.width(c))].map((w) => `${w}px`).join(' '));
  const totalWidth = createMemo(() => CHECK_WIDTH + [NAME_COLUMN, ...props.columns].reduce((a, c) => a + props.width(c), 0));
  const allSelected = () => props.selectableCount > 0 && props.selected.size >= props.selectableCount;

  return (
    <div
      ref={scroller}
      class="runs-grid"
      role="table"
      aria-label={props.label}
      aria-rowcount={props.rows.length + 1}
      style={{ '--grid-template': template() }}
    >
      <div class="runs-grid-inner" style={{ height: `${virtualizer.getTotalSize()}px`, width: `${totalWidth()}px` }}>
        <div class="grid-row grid-header" role="row" aria-rowindex={1}>
          <div class="grid-cell pin pin-check" role="columnheader">
            <input
              type="checkbox"
              aria-label="Select all runs"
              checked={allSelected()}
              ref={(el) => createRenderEffect(() => (el.indeterminate = props.selected.size > 0 && !allSelected()))}
              onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
            />
          </div>
          <For each={[NAME_COLUMN, ...props.columns]}>
            {(column) => (
              <ColumnHeader
                column={column}
                pinned={column === NAME_COLUMN}
                width={props.width(column)}
                sorted={props.sortColumn === column.id ? (props.ascending ? 'ascending' : 'descending') : undefined}
                onSort={() => props.onSort(column)}
                onResize={(w) => props.onResize(column, w)}
              />
            )}
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
                  columns={props.columns}
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
  columns: RunColumn[];
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onToggle: () => void;
  groupLabel: string;
  ctx: CellContext;
}

function GridRow(props: GridRowProps) {
  const row = props.row;
  const name = row.kind === 'run' ? row.run.info.runName : `${props.groupLabel} = ${row.value ?? '(none)'}`;
  return (
    <div
      class="grid-row"
      classList={{ 'group-row': row.kind === 'group', selected: props.selected, deleted: row.kind === 'run' && row.run.info.lifecycleStage === 'deleted' }}
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={props.selected}
      data-run-id={row.kind === 'run' ? row.run.info.runId : undefined}
      style={{ transform: `translateY(${props.start}px)` }}
    >
      <div class="grid-cell pin pin-check" role="cell">
        <input
          type="checkbox"
          aria-label={row.kind === 'run' ? `Select run ${name}` : `Select all runs in group ${name}`}
          checked={props.selected}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
      </div>
      <div class="grid-cell pin pin-name" role="cell">
        <Switch>
          <Match when={row.kind === 'run' && row}>{(r) => <RunNameCell row={r()} onToggle={props.onToggle} />}</Match>
          <Match when={row.kind === 'group' && row}>
            {(g) => <GroupNameCell group={g()} label={props.groupLabel} onToggle={props.onToggle} />}
          </Match>
        </Switch>
      </div>
      <For each={props.columns}>
        {(column) => (
          <div class="grid-cell" classList={{ numeric: column.numeric }} role="cell">
            {row.kind === 'run' ? <RunCell column={column} run={row.run} ctx={props.ctx} /> : <GroupCell column={column} group={row} ctx={props.ctx} />}
          </div>
        )}
      </For>
    </div>
  );
}
