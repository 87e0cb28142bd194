package org.retrovue.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script that {@code retrovue completion} prints, written from the command tree (so a command,
 * an option or a plugin's option added later completes with no work here) and completing as the shell does:
 * commands, options, an option's declared values, files where a path goes, and source and collection names, which
 * the script asks of {@code retrovue completion --names} on Tab. It reads the line itself ({@code COMP_LINE}):
 * {@code COMP_WORDS} splits words at ':' and '=' and keeps their quotes, and a name with spaces, quotes or colons
 * must come back quoted to fit what was typed.
 */
final class BashCompletionScript {
    /** Words written into the script: anything else (a plugin's odd option name) is left out rather than quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+:/@-]*|-[A-Za-z0-9]|--[A-Za-z0-9][A-Za-z0-9._-]*");

    private BashCompletionScript() {}

    static String of(CommandLine root) {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        collect("", root, commands);
        StringBuilder spec = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Map.Entry<String, CommandLine> entry : commands.entrySet()) {
            CommandLine command = entry.getValue();
            List<String> options = new ArrayList<>();
            List<String> taking = new ArrayList<>();
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.hidden()) {
                    continue;
                }
                for (String name : option.names()) {
                    if (plain(name)) {
                        options.add(name);
                        if (option.arity().max() > 0) {
                            taking.add(name);
                            String value = valueWords(option);
                            if (value != null) {
                                values.append("    '").append(entry.getKey()).append(' ').append(name).append("') _rv_values='").append(value).append("' ;;\n");
                            }
                        }
                    }
                }
            }
            List<String> params = new ArrayList<>();
            for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
                if (plain(parameter.paramLabel())) {
                    params.add(parameter.paramLabel() + (parameter.arity().isUnspecified() || parameter.arity().max() > 1 ? "..." : ""));
                }
            }
            List<String> subcommands = command.getSubcommands().keySet().stream().filter(BashCompletionScript::plain).toList();
            spec.append("    '").append(entry.getKey()).append("') _rv_commands='").append(String.join(" ", subcommands))
                    .append("' _rv_options='").append(String.join(" ", options))
                    .append("' _rv_takes=' ").append(String.join(" ", taking))
                    .append(" ' _rv_params='").append(String.join(" ", params)).append("' ;;\n");
        }
        return TEMPLATE.replace("@SPEC@", spec).replace("@VALUES@", values);
    }

    private static void collect(String path, CommandLine command, Map<String, CommandLine> into) {
        into.put(path, command);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (plain(sub.getKey())) {
                collect(path.isEmpty() ? sub.getKey() : path + " " + sub.getKey(), sub.getValue(), into);
            }
        }
    }

    /** An option's values as the script offers them: its declared words, "@PATH" for a file, or null for free text. */
    private static String valueWords(OptionSpec option) {
        if (option.completionCandidates() != null) {
            List<String> words = new ArrayList<>();
            option.completionCandidates().forEach(word -> {
                if (plain(word)) {
                    words.add(word);
                }
            });
            return String.join(" ", words);
        }
        return option.paramLabel().equals("PATH") ? "@PATH" : null;
    }

    private static boolean plain(String word) {
        return PLAIN.matcher(word).matches();
    }

    private static final String TEMPLATE = """
            # bash completion for retrovue, printed by `retrovue completion` (docs/cli.md#retrovue-completion).
            # Use: source <(retrovue completion), or save it as ~/.local/share/bash-completion/completions/retrovue.
            # Commands, options and their values are written in below. Source and collection names are asked of
            # retrovue itself on Tab (`retrovue completion --names sources`), which starts nothing: with the embedded
            # database stopped it offers none; a running resident process answers in milliseconds.

            # _retrovue_spec PATH: the commands, options, options that take a value, and parameters of command PATH.
            _retrovue_spec() {
              case $1 in
            @SPEC@    *) _rv_commands= _rv_options= _rv_takes=' ' _rv_params= ;;
              esac
            }

            # _retrovue_values 'PATH OPTION': the values of an option (@PATH: a file), or nothing.
            _retrovue_values() {
              case $1 in
            @VALUES@    *) _rv_values= ;;
              esac
            }

            # _retrovue_split LINE: the words of LINE as bash will read them (_rv_words, unquoted), the word being typed
            # (_rv_cur), the quote left open in it (_rv_quote), and how much of it stays as typed (_rv_keep): readline
            # replaces only what follows the last quote or COMP_WORDBREAKS character (the ':' of a name, the '=' of --type=).
            _retrovue_split() {
              local line=$1 breaks=${COMP_WORDBREAKS-$' \\t\\n"\\'><=;|&(:'} c word= quote= inword= keep=0 i n=${#1}
              _rv_words=()
              for ((i = 0; i < n; i++)); do
                c=${line:i:1}
                if [[ $quote == "'" ]]; then
                  if [[ $c == "'" ]]; then quote= keep=${#word}; else word+=$c; fi
                elif [[ $quote == '"' ]]; then
                  if [[ $c == '"' ]]; then
                    quote= keep=${#word}
                  elif [[ $c == '\\' && ${line:i+1:1} == [\\"\\\\\\$\\`] ]]; then
                    word+=${line:i+1:1}; ((i++))
                  else
                    word+=$c
                  fi
                elif [[ $c == '\\' ]]; then
                  ((i++)); word+=${line:i:1}; inword=1
                elif [[ $c == [[:space:]] ]]; then
                  if [[ -n $inword ]]; then _rv_words+=("$word"); fi
                  word= inword= keep=0
                elif [[ $c == [\\'\\"] ]]; then
                  quote=$c inword=1 keep=${#word}
                else
                  word+=$c inword=1
                  if [[ $breaks == *"$c"* ]]; then keep=${#word}; fi
                fi
              done
              _rv_cur=$word _rv_quote=$quote _rv_keep=$keep
            }

            # _retrovue_reply WORD: offers WORD, quoted to fit what was typed.
            _retrovue_reply() {
              local rest=${1:_rv_keep}
              case $_rv_quote in
                "'") rest=${rest//\\'/\\'\\\\\\'\\'} ;;
                '"') rest=${rest//\\\\/\\\\\\\\}; rest=${rest//\\"/\\\\\\"}; rest=${rest//\\$/\\\\\\$}; rest=${rest//\\`/\\\\\\`} ;;
                *) if [[ -n $rest ]]; then printf -v rest %q "$rest"; fi ;;
              esac
              COMPREPLY+=("$rest")
            }

            # _retrovue_offer PREFIX WORD...: offers PREFIX+WORD for each WORD that starts like what was typed.
            _retrovue_offer() {
              local prefix=$1 word
              shift
              for word in "$@"; do
                if [[ $prefix$word == "$_rv_cur"* ]]; then _retrovue_reply "$prefix$word"; fi
              done
            }

            # _retrovue_files PREFIX: the files that start like what was typed after PREFIX; readline quotes them.
            _retrovue_files() {
              local file
              compopt -o filenames 2>/dev/null
              while IFS= read -r file; do
                file=$1$file
                COMPREPLY+=("${file:_rv_keep}")
              done < <(compgen -f -- "${_rv_cur:${#1}}")
            }

            # _retrovue_names WHAT: the source or collection names (any case) that start like what was typed. Asked of
            # the retrovue being completed; nothing on stderr, whatever happens.
            _retrovue_names() {
              local name program=${_rv_words[0]}
              if [[ $program == '~/'* ]]; then program=$HOME/${program:2}; fi
              while IFS= read -r name; do
                if [[ ${name,,} == "${_rv_cur,,}"* ]]; then _retrovue_reply "$name"; fi
              done < <("$program" completion --names "$1" </dev/null 2>/dev/null)
            }

            _retrovue_value() { # _retrovue_value PATH OPTION PREFIX
              _retrovue_values "$1 $2"
              if [[ $_rv_values == @PATH ]]; then
                _retrovue_files "$3"
              else
                _retrovue_offer "$3" $_rv_values
              fi
            }

            _retrovue() {
              local IFS=$' \\t\\n' _rv_commands _rv_options _rv_takes _rv_params _rv_values _rv_cur _rv_quote _rv_keep
              local path= word awaiting= ended= label i
              local -a _rv_words positionals=() params
              COMPREPLY=()
              _retrovue_split "${COMP_LINE:0:COMP_POINT}"
              _retrovue_spec ''
              for ((i = 1; i < ${#_rv_words[@]}; i++)); do
                word=${_rv_words[i]}
                if [[ -n $awaiting ]]; then
                  awaiting=
                elif [[ -z $ended && $word == -- ]]; then
                  ended=1
                elif [[ -z $ended && $word == -?* ]]; then
                  if [[ $word != *=* && $_rv_takes == *" $word "* ]]; then awaiting=$word; fi
                elif [[ ${#positionals[@]} -eq 0 && " $_rv_commands " == *" $word "* ]]; then
                  path=${path:+$path }$word
                  _retrovue_spec "$path"
                else
                  positionals+=("$word")
                fi
              done
              if [[ -n $awaiting ]]; then
                _retrovue_value "$path" "$awaiting" ''
              elif [[ -z $ended && $_rv_cur == -* ]]; then
                if [[ $_rv_cur == *=* ]]; then
                  _retrovue_value "$path" "${_rv_cur%%=*}" "${_rv_cur%%=*}="
                else
                  _retrovue_offer '' $_rv_options
                fi
              elif [[ -n $_rv_commands && ${#positionals[@]} -eq 0 ]]; then
                _retrovue_offer '' $_rv_commands
              else
                params=($_rv_params)
                label=${params[${#positionals[@]}]-}
                if [[ -z $label && ${#params[@]} -gt 0 && ${params[${#params[@]}-1]} == *... ]]; then label=${params[${#params[@]}-1]}; fi
                case ${label%...} in
                  SOURCE) _retrovue_names sources ;;
                  COLLECTION) if [[ $_rv_cur == */* ]]; then _retrovue_names qualified-collections; else _retrovue_names collections; fi ;;
                  COMMAND) _retrovue_spec "${positionals[*]}"; _retrovue_offer '' $_rv_commands ;;
                  PATH|LOCAL_PATH) _retrovue_files '' ;;
                esac
              fi
            }

            complete -F _retrovue retrovue
            """;
}
