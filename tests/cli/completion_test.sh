#!/usr/bin/env bash
# Bash completion offers every subcommand, and for each subcommand every option its --help lists
# (so the completion cannot fall behind the command). Usage: completion_test.sh JIXIAO COMPLETION.
# Exit 77 without the bash-completion package (its _init_completion and _filedir are needed).
set -uo pipefail
jixiao=$1 completion=$2
[[ -f /usr/share/bash-completion/bash_completion ]] || { echo "bash-completion 不在：跳过"; exit 77; }
source /usr/share/bash-completion/bash_completion
source "$completion"
offer() {  # offer WORD... : the completions of the last word
  COMP_WORDS=(jixiao "$@")
  COMP_CWORD=${#COMP_WORDS[@]}
  COMP_CWORD=$((COMP_CWORD - 1))
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _jixiao
  printf '%s\n' "${COMPREPLY[@]}"
}
status=0
commands=$("$jixiao" --help | sed -n '/^子命令/,$p' | awk '/^  [a-z]/ {print $1}')
[[ -n $commands ]] || { echo "--help 没有列出子命令"; exit 1; }
for c in $commands; do
  offer "" | grep -x "$c" >/dev/null || { echo "补全没有子命令 $c"; status=1; }
  for o in $("$jixiao" "$c" --help | grep -oE '^  (-[a-zA-Z],)?--[a-z][-a-z]*' | sed 's/^ *//; s/^-[a-zA-Z],//'); do
    offer "$c" "--" | grep -x -- "$o" >/dev/null || { echo "补全没有 $c $o"; status=1; }
  done
done
((status == 0)) && echo "补全含 $(wc -w <<<"$commands") 个子命令及其全部选项"
exit $status
