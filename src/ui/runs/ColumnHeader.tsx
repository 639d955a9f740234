import { Show } from 'solid-js';
import type { RunColumn } from './columns';

const MIN_WIDTH = 60;
const MAX_WIDTH = 800;
const KEY_STEP = 16;

export interface ColumnHeaderProps {
  column: RunColumn;
  pinned: boolean;
  /** 1-based position among all columns (aria-colindex), as only the columns in view are drawn. */
  colIndex: number;
  width: number;
  sorted: 'ascending' | 'descending' | undefined;
  onSort: () => void;
  onResize: (width: number) => void;
}

const KIND_LABEL = { attr: '', metric: 'Metric', param: 'Param', tag: 'Tag' } as const;

/**
 * A column header: a sort button where MLflow can sort by the column (aria-sort says the direction) and a resize
 * handle, draggable or moved with the arrow keys (a vertical separator with its width as value).
 */
export function ColumnHeader(props: ColumnHeaderProps) {
  const clamp = (w: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w)));
  const startDrag = (e: PointerEvent) => {
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    const x0 = e.clientX;
    const w0 = props.width;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => props.onResize(clamp(w0 + ev.clientX - x0));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };
  const kind = () => KIND_LABEL[props.column.kind];
  const title = () => (kind() ? `${kind()}: ${props.column.label}` : props.column.label);
  return (
    <div
      class="grid-cell header-cell"
      classList={{ pin: props.pinned, 'pin-name': props.pinned, numeric: props.column.numeric, [`kind-${props.column.kind}`]: true }}
      role="columnheader"
      aria-colindex={props.pinned ? 2 : props.colIndex}
      aria-sort={props.sorted ?? (props.column.orderKey ? 'none' : undefined)}
      title={title()}
    >
      <Show when={props.column.orderKey} fallback={<span class="header-label">{props.column.label}</span>}>
        <button type="button" class="header-sort" onClick={() => props.onSort()} aria-label={`Sort by ${title()}`}>
          <Show when={kind()}><span class="kind-dot" aria-hidden="true" /></Show>
          <span class="header-label">{props.column.label}</span>
          <span class="sort-arrow" aria-hidden="true">{props.sorted === 'ascending' ? '↑' : props.sorted === 'descending' ? '↓' : ''}</span>
        </button>
      </Show>
      <div
        class="resize-handle"
        role="separator"
        tabindex="0"
        aria-orientation="vertical"
        aria-label={`Resize column ${title()}`}
        aria-valuenow={props.width}
        aria-valuemin={MIN_WIDTH}
        aria-valuemax={MAX_WIDTH}
        onPointerDown={startDrag}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
            e.preventDefault();
            props.onResize(clamp(props.width + (e.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP)));
          }
        }}
      />
    </div>
  );
}
