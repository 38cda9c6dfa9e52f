import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from '@/lib/markdown';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        return (
          <a
            key={i}
            href={n.href}
            rel="noopener noreferrer nofollow ugc"
            className="text-brand-700 underline dark:text-brand-400"
          >
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

/** Renders the safe markdown subset as React elements: no HTML from the text ever reaches the DOM. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  const blocks = parseMarkdown(source);
  return (
    <div className={`space-y-3 ${className}`}>
      {blocks.map((b, i) => {
        if (b.type === 'p') return <p key={i}>{renderInline(b.children)}</p>;
        const items = b.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return b.type === 'ul' ? (
          <ul key={i} className="list-disc space-y-1 pl-6">
            {items}
          </ul>
        ) : (
          <ol key={i} className="list-decimal space-y-1 pl-6">
            {items}
          </ol>
        );
      })}
    </div>
  );
}
