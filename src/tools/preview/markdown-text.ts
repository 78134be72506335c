// A text tile's content as Cloud Monitoring shows it: MARKDOWN rendered (paragraphs, bullet lists,
// bold, code, links as their text), RAW as written. Only what dashboards' text tiles use; nothing
// from the content reaches the page unescaped, and links are not followed (the page loads nothing).
import { escapeMarkup } from './markup';

export interface TextBlock {
  readonly kind: 'paragraph' | 'item' | 'heading';
  readonly text: string;
}

/** Markdown blocks: headings, bullet items and paragraphs (lines joined), in order. */
export function markdownBlocks(content: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    const item = /^[-*+]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (item || heading) {
      flush();
      blocks.push({ kind: item ? 'item' : 'heading', text: (item ?? heading)![1] });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Inline markdown as plain text: markers dropped, a link as its text. */
export function plainInline(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2');
}

function inlineHtml(text: string): string {
  return escapeMarkup(text)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '<u>$1</u>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function markdownHtml(content: string): string {
  const out: string[] = [];
  let list = false;
  for (const block of markdownBlocks(content)) {
    if (block.kind === 'item' && !list) out.push('<ul>');
    if (block.kind !== 'item' && list) out.push('</ul>');
    list = block.kind === 'item';
    const tag = block.kind === 'item' ? 'li' : block.kind === 'heading' ? 'h4' : 'p';
    out.push(`<${tag}>${inlineHtml(block.text)}</${tag}>`);
  }
  if (list) out.push('</ul>');
  return out.join('');
}
