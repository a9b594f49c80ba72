/**
 * How the two human formats mark up text: Markdown escapes and emphasises, the terminal colours (only on a TTY and
 * without NO_COLOR) and otherwise prints plain text. Renderers write through a Style and never format by hand.
 */
import { styleText } from "node:util";
import { code, md, prose } from "./markdown-text";

export interface Style {
  /** Plain text from outside (names, messages). */
  text(value: string): string;
  /** Our own sentences, which may hold `code` spans. */
  prose(value: string): string;
  strong(value: string): string;
  code(value: string): string;
  good(value: string): string;
  bad(value: string): string;
  warn(value: string): string;
  dim(value: string): string;
}

export const markdownStyle: Style = {
  text: md,
  prose,
  strong: (value) => `**${md(value)}**`,
  code,
  good: (value) => value,
  bad: (value) => value,
  warn: (value) => value,
  dim: (value) => value,
};

type Format = Parameters<typeof styleText>[0];

export function terminalStyle(colour: boolean): Style {
  // We decide about colour (TTY, NO_COLOR) ourselves; newer Node versions would also check process.stdout.
  const paint = (format: Format) => (value: string) =>
    colour ? styleText(format, value, { validateStream: false }) : value;
  return {
    text: (value) => value,
    prose: (value) => value,
    strong: paint("bold"),
    code: (value) => value,
    good: paint("green"),
    bad: paint("red"),
    warn: paint("yellow"),
    dim: paint("dim"),
  };
}
