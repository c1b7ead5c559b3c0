import type { JSX } from "preact";

const LINK = /<a\s+[^>]*href\s*=\s*["']([^"']*)["'][^>]*>(.*?)<\/a>/gis;

/**
 * A text reply as WeChat shows it: `<a href>` links in blue, everything else
 * as plain text. Built as nodes, never as HTML, so nothing typed runs.
 */
export function richText(content: string): (string | JSX.Element)[] {
  const parts: (string | JSX.Element)[] = [];
  let last = 0;
  for (const m of content.matchAll(LINK)) {
    const index = m.index ?? 0;
    if (index > last) parts.push(content.slice(last, index));
    parts.push(
      <span class="wx-link" key={index} title={m[1]}>
        {(m[2] ?? "").replace(/<[^>]*>/g, "")}
      </span>,
    );
    last = index + m[0].length;
  }
  if (last < content.length) parts.push(content.slice(last));
  return parts;
}
