// Shell completion scripts for bash, zsh and fish, rendered from a plain model of the command
// line (commands, their options and arguments, and what each takes). Values that live in the
// workspace (vendor ids, quarters, questionnaires) are asked of `aiclaim completion --list KIND`
// when completed, so the scripts never go stale. Pure.

export const VALUE_KINDS = ['vendors', 'quarters', 'questionnaires', 'verdicts'] as const;
type ValueKind = (typeof VALUE_KINDS)[number];

/**
 * What a word takes: a workspace value, one of fixed choices, a file, a value of the user's own
 * with nothing to offer (a number, a currency code), or nothing (a flag).
 */
export type Takes = { kind: ValueKind } | { choices: readonly string[] } | { file: true } | { typed: true } | { flag: true };

export interface CompletionCommand {
  /** "score", "questionnaire show". */
  path: string;
  description: string;
  options: { flags: string[]; description: string; takes: Takes }[];
  /** What each positional argument takes, in order; the last repeats when variadic. */
  args: Takes[];
  variadic: boolean;
}

export interface CompletionModel {
  name: string;
  /** Options every command accepts (--debug, --sample…). */
  global: CompletionCommand['options'];
  commands: CompletionCommand[];
}

const SHELL_WORD = /^[A-Za-z0-9_./:=@%+,-]*$/;

/** Single-quoted for a POSIX shell (and fish): every word comes from aiclaim's own definitions. */
function quote(text: string): string {
  return SHELL_WORD.test(text) && text !== '' ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** The bash words for one takes: a compgen call. */
function bashCandidates(takes: Takes, name: string): string {
  if ('kind' in takes) return `COMPREPLY=($(compgen -W "$(${name} completion --list ${takes.kind} 2>/dev/null)" -- "$cur"))`;
  if ('choices' in takes) return `COMPREPLY=($(compgen -W ${quote(takes.choices.join(' '))} -- "$cur"))`;
  if ('typed' in takes) return 'COMPREPLY=()';
  return 'COMPREPLY=($(compgen -f -- "$cur"))';
}

export function bashScript(model: CompletionModel): string {
  const fn = `_${model.name.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
  const top = [...new Set(model.commands.map((c) => c.path.split(' ')[0]!))];
  const subcommands = model.commands.filter((c) => c.path.includes(' ')).map((c) => c.path.split(' ') as [string, string]);
  const groups = [...new Set(subcommands.map(([group]) => group))];
  const all = (c: CompletionCommand) => [...c.options, ...model.global];
  const valueOptions = (c: CompletionCommand) => all(c).filter((o) => !('flag' in o.takes));
  const takesValue = [...new Set(model.commands.flatMap((c) => valueOptions(c).flatMap((o) => o.flags)))];
  const cases = model.commands.map((c) => {
    const optionCases = valueOptions(c).map((o) => `        ${o.flags.map(quote).join('|')}) ${bashCandidates(o.takes, model.name)}; return ;;`);
    const argCases = c.args.map((t, i) => `        ${i}) ${bashCandidates(t, model.name)} ;;`);
    if (c.variadic && c.args.length) argCases.push(`        *) ${bashCandidates(c.args.at(-1)!, model.name)} ;;`);
    return [
      `    ${quote(c.path)})`,
      '      case "$prev" in',
      ...optionCases,
      '      esac',
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${quote([...all(c).flatMap((o) => o.flags), '--help'].join(' '))} -- "$cur")); return; fi`,
      '      case "$npos" in',
      ...argCases,
      '      esac',
      '      ;;',
    ].join('\n');
  });
  const groupWords = groups.map((g) => {
    const subs = subcommands.filter(([group]) => group === g).map(([, sub]) => sub);
    const alsoCommand = model.commands.some((c) => c.path === g);
    // A group that is a command too (import FILE, import answers FILE) offers both.
    return `    ${quote(g)}) if [[ "$npos" -eq 0 && "$cur" != -* ]]; then COMPREPLY=($(compgen -W ${quote(subs.join(' '))} -- "$cur")${alsoCommand ? ' $(compgen -f -- "$cur")' : ''}); return; fi ;;`;
  });
  return `# ${model.name} completion for bash: add to ~/.bashrc
#   source <(${model.name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="" npos=0 i word skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${takesValue.map(quote).join('|') || '--'}) skip=1 ;;
      -*) ;;
      *)
        if [[ -z "$cmd" ]]; then cmd="$word"
        elif [[ "$npos" -eq 0 ]] && case "$cmd:$word" in ${subcommands.map(([g, sub]) => quote(`${g}:${sub}`)).join('|') || '--'}) true ;; *) false ;; esac; then cmd="$cmd $word"
        else npos=$((npos + 1)); fi ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W ${quote([...top, ...model.global.flatMap((o) => o.flags), '--help', '--version'].join(' '))} -- "$cur"))
    return
  fi
  case "$cmd" in
${groupWords.join('\n')}
  esac
  case "$cmd" in
${cases.join('\n')}
  esac
}
complete -o filenames -F ${fn} ${model.name}
`;
}

/** zsh reads the bash function through bashcompinit, which ships with zsh. */
export function zshScript(model: CompletionModel): string {
  return `#compdef ${model.name}
# ${model.name} completion for zsh: add to ~/.zshrc
#   source <(${model.name} completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bashScript(model).replace(/^# .*\n#.*\n/, '')}`;
}

export function fishScript(model: CompletionModel): string {
  const n = model.name;
  const top = model.commands.filter((c) => !c.path.includes(' '));
  const groups = [...new Set(model.commands.filter((c) => c.path.includes(' ')).map((c) => c.path.split(' ')[0]!))];
  const lines = [
    `# ${n} completion for fish: save as ~/.config/fish/completions/${n}.fish`,
    `#   ${n} completion fish > ~/.config/fish/completions/${n}.fish`,
    `complete -c ${n} -f`,
  ];
  const fishTakes = (t: Takes) =>
    'kind' in t
      ? ` -r -f -a ${quote(`(${n} completion --list ${t.kind} 2>/dev/null)`)}`
      : 'choices' in t
        ? ` -r -f -a ${quote(t.choices.join(' '))}`
        : 'file' in t
          ? ' -r -F'
          : 'typed' in t
            ? ' -r -f'
            : '';
  const option = (condition: string, o: CompletionCommand['options'][number]) => {
    const parts = o.flags.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
    return `complete -c ${n} -n ${quote(condition)} ${parts}${fishTakes(o.takes)} -d ${quote(o.description)}`;
  };
  for (const c of top) lines.push(`complete -c ${n} -n __fish_use_subcommand -a ${quote(c.path)} -d ${quote(c.description)}`);
  for (const o of model.global) lines.push(option('true', o));
  for (const c of model.commands) {
    const words = c.path.split(' ');
    const seen =
      words.length === 1 ? `__fish_seen_subcommand_from ${words[0]}` : `__fish_seen_subcommand_from ${words[0]}; and __fish_seen_subcommand_from ${words[1]}`;
    if (words.length === 2 && groups.includes(words[0]!)) {
      lines.push(
        `complete -c ${n} -n ${quote(
          `__fish_seen_subcommand_from ${words[0]}; and not __fish_seen_subcommand_from ${model.commands
            .filter((x) => x.path.startsWith(`${words[0]} `))
            .map((x) => x.path.split(' ')[1])
            .join(' ')}`,
        )} -a ${quote(words[1]!)} -d ${quote(c.description)}`,
      );
    }
    for (const o of c.options) lines.push(option(seen, o));
    // Positional values: the kinds this command's arguments take, offered wherever an argument goes.
    for (const kind of new Set(c.args.flatMap((t) => ('kind' in t ? [t.kind] : []))))
      lines.push(`complete -c ${n} -n ${quote(seen)} -a ${quote(`(${n} completion --list ${kind} 2>/dev/null)`)}`);
    if (c.args.some((t) => 'file' in t)) lines.push(`complete -c ${n} -n ${quote(seen)} -F`);
  }
  return `${lines.join('\n')}\n`;
}
