import { PLAIN, type Style } from "./style.js";

/** The smallest writable the CLI needs; process streams and test buffers both fit. */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  /** PLAIN for no colour (see wantsColor and loadStyle). */
  style: Style;
}

/**
 * The only place that writes to the terminal or colours anything.
 * stdout carries data (and `--json`); stderr carries messages, warnings and errors.
 */
export class Output {
  readonly style: Style;
  /** No colour whatever the terminal: for reports written to a file. */
  readonly plain: Style = PLAIN;

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    readonly options: OutputOptions,
  ) {
    this.style = options.style;
  }

  get json(): boolean {
    return this.options.json;
  }

  get width(): number {
    return this.stdout.columns && this.stdout.columns > 20 ? this.stdout.columns : 80;
  }

  /**
   * A message wrapped at word boundaries to the terminal; as it is when no terminal says how
   * wide it is. The wrapper is the caller's, so commands that never wrap do not load it.
   */
  fitted(message: string, wrap: (text: string, width: number) => string): string {
    return this.columns ? wrap(message, this.columns) : message;
  }

  /** The terminal's width, or undefined when no terminal says (a pipe, a test): nothing is wrapped then. */
  get columns(): number | undefined {
    return this.stdout.columns && this.stdout.columns > 20 ? this.stdout.columns : undefined;
  }

  /** Data for stdout: a report, a list, a rendered record. */
  data(text: string): void {
    this.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** Machine-readable stdout for `--json`. */
  printJson(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Progress and confirmations; silenced by `--quiet` and by `--json`. */
  info(message: string): void {
    if (this.options.quiet || this.options.json) return;
    this.stderr.write(`${message}\n`);
  }

  /**
   * What a person at the terminal needs in order to answer the next prompt (a drill's
   * scenario, its rubric): stderr, and not silenced by `--quiet` or `--json`, since
   * only interactive runs use it.
   */
  screen(message: string): void {
    this.stderr.write(message.endsWith("\n") ? message : `${message}\n`);
  }

  /** Something the user should know even in a script; only `--quiet` hides it. */
  warn(message: string): void {
    if (this.options.quiet) return;
    this.stderr.write(`${this.style.yellow("warning:")} ${message}\n`);
  }

  /** Records a list or report left out because they are broken: one warning each. */
  skippedRecords(problems: string[]): void {
    for (const problem of problems) this.warn(`skipped a broken record: ${problem}`);
  }

  error(message: string): void {
    this.stderr.write(`${this.style.red("error:")} ${message}\n`);
  }

  errorJson(value: unknown): void {
    this.stderr.write(`${JSON.stringify(value)}\n`);
  }
}

/** Colour is on for a terminal unless NO_COLOR or --no-color; FORCE_COLOR turns it on anywhere. */
export function wantsColor(env: NodeJS.ProcessEnv, stream: TextSink, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}
