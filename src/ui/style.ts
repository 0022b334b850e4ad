/**
 * The text styles coach uses. With colour on they are chalk's; without it (a pipe, a file,
 * NO_COLOR, --no-color: every script and most runs) they leave text alone, and chalk is
 * never loaded: it detects the terminal again at import, which Output has already decided.
 */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Style = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

/** 16 colours (level 1), the set every terminal shows alike. */
export async function loadStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
