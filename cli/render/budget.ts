/**
 * A size budget for Markdown that must fit a GitHub comment or issue (65,536 characters): the head (marker, title,
 * headline, risk flags) and the footer are always kept; the detail sections are filled in order, and a section that
 * does not fit shows as many items as fit and an "… and N more" line. Long sections collapse into <details>.
 */
import { details } from "./markdown-text";

/** GitHub refuses longer comment and issue bodies; the margin leaves room for the workflow's own lines. */
export const GITHUB_BODY_LIMIT = 65_536;
export const DEFAULT_BUDGET = 64_000;

export interface Section {
  /** The heading (and any intro) shown whenever the section is. */
  head: string[];
  /** Its items; each is one or more lines. */
  items: string[][];
  /** Frames the shown items, e.g. puts a table header above rows. Default: as they are. */
  frame?: (lines: string[]) => string[];
  /** The line that stands for `n` items left out. */
  more: (n: number) => string;
  /** Collapse into <details> with this summary when there are more than `collapseAfter` items. */
  collapse?: { after: number; summary: string };
}

const size = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);

function renderSection(section: Section, shown: number): string[] {
  const lines = section.items.slice(0, shown).flat();
  const body = [...(section.frame ? section.frame(lines) : lines)];
  if (shown < section.items.length) body.push("", section.more(section.items.length - shown));
  const collapsed = section.collapse && section.items.length > section.collapse.after;
  return [...section.head, ...(collapsed && section.collapse ? details(section.collapse.summary, body) : body), ""];
}

/** The largest number of items of `section` whose rendering fits in `room`. */
function itemsThatFit(section: Section, room: number): number {
  let low = 0;
  let high = section.items.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (size(renderSection(section, mid)) <= room) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The document, at most `budget` characters as long as the head and footer leave room. */
export function fitToBudget(head: string[], sections: readonly Section[], footer: string[], budget = DEFAULT_BUDGET) {
  let room = budget - size(head) - size(footer);
  const out = [...head];
  for (const section of sections) {
    const full = renderSection(section, section.items.length);
    const lines = size(full) <= room ? full : renderSection(section, itemsThatFit(section, room));
    out.push(...lines);
    room -= size(lines);
  }
  out.push(...footer);
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
