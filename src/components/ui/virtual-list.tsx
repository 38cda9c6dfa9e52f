import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type Ref } from 'react';

/**
 * Lines between rows for a list's className. Every row gets the same bottom border (not
 * `divide-y`, whose first row has none): in a window of rows the first child changes while
 * scrolling, and a row whose height changed with it would be measured again and again.
 */
export const ROW_SEPARATORS = '[&>li]:border-b [&>li]:border-slate-200 dark:[&>li]:border-slate-800';

/** What a row spreads onto its `<li>`: position and measurement when windowed, nothing otherwise. */
export interface RowProps {
  ref?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  'data-index'?: number;
  'aria-posinset'?: number;
  'aria-setsize'?: number;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** `ol` when the order means something (track numbers, ranks), `ul` otherwise */
  as?: 'ol' | 'ul';
  label: string;
  className?: string;
  getKey: (item: T, index: number) => string;
  /** each call returns one `<li>` that spreads `rowProps` */
  renderItem: (item: T, index: number, rowProps: RowProps) => ReactNode;
  /** a row's height before it is measured; rows may wrap on phones, so they are measured */
  estimateSize?: number;
  /**
   * Lists up to this many rows render whole (find-in-page and printing see every row); longer ones
   * keep only the rows near the viewport in the DOM, so 10,000 songs scroll like 50.
   */
  windowAbove?: number;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { windowAbove = 200 } = props;
  return props.items.length > windowAbove ? <WindowedList {...props} /> : <PlainList {...props} />;
}

function PlainList<T>({ items, as: Tag = 'ul', label, className, getKey, renderItem }: VirtualListProps<T>) {
  return (
    <Tag aria-label={label} className={className}>
      {items.map((item, i) => (
        <RowSlot key={getKey(item, i)}>{renderItem(item, i, {})}</RowSlot>
      ))}
    </Tag>
  );
}

/** Keys live on the slot so that `renderItem` stays a plain function of its arguments. */
function RowSlot({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

function WindowedList<T>(props: VirtualListProps<T>) {
  const { items, as: Tag = 'ul', label, className, getKey, renderItem, estimateSize = 64 } = props;
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null);
  // Rows of one list are nearly all the same height: once the first is measured, it becomes the
  // estimate for the rest. A row whose size differs from its estimate makes the virtualizer copy
  // its whole size cache, which on 10,000 rows is garbage enough for long GC pauses mid-scroll.
  const [typical, setTypical] = useState(estimateSize);
  // The list's distance from the top of the document: the window scrolls, not the list.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => typical,
    overscan: 4,
    // Render after the scroll event, not inside it: one frame then holds either the event or the
    // rows, which keeps each task well under 50 ms on a slow machine.
    useFlushSync: false,
    scrollMargin,
    getItemKey: (index) => getKey(items[index]!, index),
  });
  const rows = virtualizer.getVirtualItems();
  const rendered = rows.length > 0;
  useLayoutEffect(() => {
    const first = listRef.current?.querySelector('[data-index]');
    const height = first?.getBoundingClientRect().height;
    if (height && Math.abs(height - typical) > 0.5) setTypical(height);
  }, [typical, rendered]);
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, typical]);

  return (
    <Tag
      ref={listRef}
      aria-label={label}
      className={className}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => (
        <RowSlot key={row.key}>
          {renderItem(items[row.index]!, row.index, {
            ref: virtualizer.measureElement,
            'data-index': row.index,
            // Only a window of rows exists, so each says where it stands in the whole list.
            'aria-posinset': row.index + 1,
            'aria-setsize': items.length,
            style: {
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start - scrollMargin}px)`,
            },
          })}
        </RowSlot>
      ))}
    </Tag>
  );
}
