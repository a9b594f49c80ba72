/**
 * Markdown building blocks. Names come from EnOS and from programs, so every piece of text is escaped: nothing in a
 * user's or a menu's name can open a tag, break a table cell or end a code span.
 */

/** Text with Markdown and HTML meaning taken away. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/** Our own sentences: `code` spans stay code (their content made safe), the rest is escaped like {@link md}. */
export function prose(text: string): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? code(part) : md(part)))
    .join("");
}

/** An inline code span that survives backticks in the value. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, " ");
  const fence = clean.includes("`") ? "``" : "`";
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** A table; cells are already Markdown (escaped by the caller). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\r?\n/g, "<br>")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

/** A collapsed block: GitHub renders the summary and hides the rest until clicked. */
export function details(summary: string, body: readonly string[]): string[] {
  return ["<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}
