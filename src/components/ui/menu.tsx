import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { placeMenu, type Placement } from './menu-placement';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
}

interface MenuButtonProps {
  /** the button's visible text */
  children: ReactNode;
  /** the button's accessible name when the text alone is ambiguous (e.g. "Add Tide Pool to a playlist") */
  label?: string;
  items: readonly MenuItem[];
  /** shown as a disabled item when there are no items */
  emptyText?: string;
  className?: string;
}

const buttonClass =
  'min-h-11 rounded-full border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ArrowDown open it on the first item,
 * ArrowUp on the last; arrows, Home and End move; Escape closes it and gives focus back to the
 * button; Tab or a click elsewhere closes it. It opens upward when the room below (above the
 * player bar, or inside a scrolling panel) is too small for it.
 */
export function MenuButton({ children, label, items, emptyText = 'Nothing here', className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const rows = items.length ? items : [{ label: emptyText, onSelect: () => undefined, disabled: true }];

  // Measured before the first paint of the open menu, so it never shows on the wrong side first.
  useLayoutEffect(() => {
    if (open && button.current && menu.current)
      setPlacement(placeMenu(button.current, menu.current.scrollHeight, menu.current.offsetWidth));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (i: number) => {
    setActive(i);
    setPlacement(null);
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      openAt(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(rows.length - 1);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const last = rows.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="relative inline-block">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
        className={className ?? buttonClass}
      >
        {children}
      </button>
      {open ? (
        <ul
          ref={menu}
          id={id}
          role="menu"
          aria-label={label ?? (typeof children === 'string' ? children : undefined)}
          onKeyDown={onMenuKey}
          data-placement={placement?.up ? 'up' : 'down'}
          style={placement ? { maxHeight: placement.maxHeight } : undefined}
          className={`absolute z-20 ${placement?.up ? 'bottom-full mb-1' : 'top-full mt-1'} ${
            placement?.alignLeft ? 'left-0' : 'right-0'
          } max-h-72 min-w-48 overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg dark:border-slate-600 dark:bg-slate-900`}
        >
          {rows.map((item, i) => (
            <li key={`${i}-${item.label}`} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                aria-disabled={item.disabled || undefined}
                onClick={() => {
                  if (item.disabled) return;
                  close(true);
                  item.onSelect();
                }}
                onMouseEnter={() => setActive(i)}
                className="block w-full px-3 py-1.5 text-left text-sm pointer-coarse:min-h-11 hover:bg-slate-100 focus:bg-slate-100 focus:outline-2 focus:-outline-offset-2 focus:outline-brand-600 aria-disabled:text-slate-600 dark:hover:bg-slate-800 dark:focus:bg-slate-800 dark:aria-disabled:text-slate-400"
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
