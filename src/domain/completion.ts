// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are shell code, where ${...} is the shell's
/** What a shell completes at a point of a `coach` command line; ids come from the workspace at completion time. */
export const VALUE_KINDS = ["rep", "template", "stage", "skill", "action", "deal"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** A word after an option or in an argument's place: the workspace's ids, a fixed list, a file, or free text. */
export type Completes = { ids: ValueKind } | { words: string[] } | { files: "file" | "dir" } | null;

export interface OptionSpec {
  /** `-w` and `--workspace`, as typed. */
  flags: string[];
  description: string;
  /** null for a flag that takes no value. */
  value: Completes | "free" | null;
}

/** One command, as `coach rep goal add` is the path ["rep", "goal", "add"]. */
export interface CommandSpec {
  path: string[];
  description: string;
  subcommands: string[];
  options: OptionSpec[];
  /** What its arguments complete to, in order; a last one marked `many` repeats. */
  args: { completes: Completes; many: boolean }[];
}

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const key = (path: string[]) => path.join(" ");
/** Single-quoted for any POSIX shell and for fish: nothing inside is expanded. */
const quote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "'\\''")}'`;
const fishQuote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

function completesToBash(completes: Completes | "free" | null): string {
  if (completes === null || completes === "free") return "";
  if ("ids" in completes) return `ids ${completes.ids}`;
  if ("words" in completes) return `words ${completes.words.join(" ")}`;
  return completes.files;
}

/**
 * A bash script: the command tree is written into case tables, and ids are asked of
 * `coach completion --list KIND` when Tab is pressed, so a rep added a minute ago completes.
 * zsh runs the same functions through its bashcompinit.
 */
export function bashScript(commands: CommandSpec[], zsh = false): string {
  const words = commands.map(
    (c) =>
      `    ${quote(key(c.path))}) echo ${quote([...c.subcommands, ...c.options.flatMap((o) => o.flags)].join(" "))} ;;`,
  );
  const valueOptions = new Map<string, string>();
  for (const command of commands)
    for (const option of command.options)
      if (option.value !== null)
        for (const flag of option.flags)
          valueOptions.set(`${key(command.path)}|${flag}`, completesToBash(option.value));
  const optionCases = [...valueOptions].map(([k, v]) => `    ${quote(k)}) echo ${quote(v || "free")} ;;`);
  const argCases = commands.flatMap((c) =>
    c.args.map((arg, i) => {
      const at = arg.many ? `${i}+` : String(i);
      return `    ${quote(`${key(c.path)}|${at}`)}) echo ${quote(completesToBash(arg.completes) || "free")} ;;`;
    }),
  );
  const subcommandCases = commands
    .filter((c) => c.subcommands.length)
    .map((c) => `    ${quote(key(c.path))}) echo ${quote(c.subcommands.join(" "))} ;;`);
  const lines = [
    "# coach completion for bash. Install: coach completion bash > ~/.local/share/bash-completion/completions/coach",
    "_coach_words() {",
    '  case "$1" in',
    ...words,
    "  esac",
    "}",
    "_coach_subcommands() {",
    '  case "$1" in',
    ...subcommandCases,
    "  esac",
    "}",
    "_coach_option_value() {",
    '  case "$1|$2" in',
    ...optionCases,
    "  esac",
    "}",
    "_coach_arg_value() {",
    '  case "$1|$2" in',
    ...argCases,
    "  esac",
    "}",
    "_coach_reply() {",
    '  local what="$1" cur="$2" workspace="$3"',
    '  case "$what" in',
    '    ids\\ *) COMPREPLY=($(compgen -W "$(coach ${workspace:+--workspace "$workspace"} completion --list "${what#ids }" 2>/dev/null)" -- "$cur")) ;;',
    '    words\\ *) COMPREPLY=($(compgen -W "${what#words }" -- "$cur")) ;;',
    '    file) COMPREPLY=($(compgen -f -- "$cur")) ;;',
    '    dir) COMPREPLY=($(compgen -d -- "$cur")) ;;',
    "    *) COMPREPLY=() ;;",
    "  esac",
    "}",
    "_coach() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" path="" workspace="" word value i subs args=0 expect_value=""',
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    '    word="${COMP_WORDS[i]}"',
    '    if [[ -n "$expect_value" ]]; then',
    '      [[ "$expect_value" == -w || "$expect_value" == --workspace ]] && workspace="$word"',
    '      expect_value=""; continue',
    "    fi",
    '    if [[ "$word" == -* ]]; then',
    '      [[ "$word" == *=* ]] && continue',
    '      value="$(_coach_option_value "$path" "$word")"',
    '      [[ -z "$value" ]] && value="$(_coach_option_value "" "$word")"',
    '      [[ -n "$value" ]] && expect_value="$word"',
    "      continue",
    "    fi",
    '    subs=" $(_coach_subcommands "$path") "',
    '    if [[ $args -eq 0 && "$subs" == *" $word "* ]]; then path="${path:+$path }$word"; else args=$((args + 1)); fi',
    "  done",
    '  if [[ -n "$expect_value" ]]; then',
    '    value="$(_coach_option_value "$path" "$expect_value")"',
    '    [[ -z "$value" ]] && value="$(_coach_option_value "" "$expect_value")"',
    '    _coach_reply "$value" "$cur" "$workspace"; return 0',
    "  fi",
    '  if [[ "$cur" == -* ]]; then',
    '    COMPREPLY=($(compgen -W "$(_coach_words "$path") ${path:+$(_coach_words "")}" -- "$cur")); return 0',
    "  fi",
    '  value="$(_coach_arg_value "$path" "$args")"',
    '  [[ -z "$value" ]] && value="$(_coach_arg_value "$path" "$((args > 0 ? args - 1 : 0))+")"',
    '  [[ -z "$value" && $args -gt 0 ]] && value="$(_coach_arg_value "$path" "0+")"',
    "  if [[ $args -eq 0 ]]; then",
    '    subs="$(_coach_subcommands "$path")"',
    '    if [[ -n "$subs" ]]; then',
    '      _coach_reply "$value" "$cur" "$workspace"',
    '      COMPREPLY+=($(compgen -W "$subs" -- "$cur")); return 0',
    "    fi",
    "  fi",
    '  _coach_reply "$value" "$cur" "$workspace"',
    "}",
    "complete -F _coach coach",
    "",
  ];
  if (!zsh) return lines.join("\n");
  return [
    "#compdef coach",
    "# coach completion for zsh, through zsh's bash completion support.",
    '# Install: coach completion zsh > "${fpath[1]}/_coach", or add to ~/.zshrc: source <(coach completion zsh)',
    "autoload -U +X bashcompinit && bashcompinit",
    ...lines.slice(1),
  ].join("\n");
}

/** A fish script: one `complete` line per command, option and argument; ids asked of coach when Tab is pressed. */
export function fishScript(commands: CommandSpec[]): string {
  const lines = ["# coach completion for fish. Install: coach completion fish > ~/.config/fish/completions/coach.fish"];
  const all = new Set(commands.flatMap((c) => c.subcommands));
  const condition = (path: string[]) => {
    if (!path.length) return `not __fish_seen_subcommand_from ${[...all].join(" ")}`;
    return path.map((p) => `__fish_seen_subcommand_from ${p}`).join("; and ");
  };
  const values = (completes: Completes | "free" | null): string => {
    if (completes === null || completes === "free") return "";
    if ("ids" in completes) return ` -a ${fishQuote(`(coach completion --list ${completes.ids} 2>/dev/null)`)}`;
    if ("words" in completes) return ` -a ${fishQuote(completes.words.join(" "))}`;
    return " -F";
  };
  for (const command of commands) {
    const parent = command.path.slice(0, -1);
    if (command.path.length)
      lines.push(
        `complete -c coach -f -n ${fishQuote(condition(parent))} -a ${fishQuote(command.path.at(-1)!)} -d ${fishQuote(command.description)}`,
      );
    const here = command.path.length ? ` -n ${fishQuote(condition(command.path))}` : "";
    for (const option of command.options) {
      const flags = option.flags.map((f) => (f.startsWith("--") ? ` -l ${f.slice(2)}` : ` -s ${f.slice(1)}`)).join("");
      const takes = option.value === null ? "" : " -r";
      lines.push(`complete -c coach${here}${flags}${takes}${values(option.value)} -d ${fishQuote(option.description)}`);
    }
    const first = command.args[0];
    if (first && command.path.length && values(first.completes))
      lines.push(`complete -c coach -f${here}${values(first.completes)}`);
  }
  return `${lines.join("\n")}\n`;
}
