# bash completion for jixiao (installed as /usr/share/bash-completion/completions/jixiao).
# Subcommands, their options, and file names of the kinds each reads.
_jixiao() {
  local cur prev words cword
  _init_completion || return
  local global="-h --help --help-all --version -q --quiet --max-part-mb --password --layouts"
  local commands="dump inspect recompute check fill convert render templates audit layout serve"
  local sub="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      dump | inspect | recompute | check | fill | convert | render | templates | audit | layout | serve) sub=${words[i]}; break ;;
    esac
  done
  case $prev in
    --layouts | -o | --output)
      [[ $sub == check || $prev == --layouts ]] && { _filedir -d; return; } ;;
    --summary) _filedir xlsx; return ;;
    --rules) _filedir rules; return ;;
    --to) COMPREPLY=($(compgen -W "national-project national-dept final-accounts summary" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "csv tsv json" -- "$cur")); return ;;
    --host) COMPREPLY=($(compgen -W "127.0.0.1 0.0.0.0 ::1" -- "$cur")); return ;;
    --port | --max-files | --max-upload-mb | --max-part-mb | --password | --profile | --sheet | --id) return ;;
  esac
  local opts=""
  case $sub in
    "") COMPREPLY=($(compgen -W "$commands $global" -- "$cur")); return ;;
    dump) opts="--sheet --format --raw" ;;
    inspect) opts="--json --explain" ;;
    recompute) opts="--profile --json -o --output --fix" ;;
    check) opts="-r --recursive --summary --rules --profile --json -o --output --fix" ;;
    fill) opts="-o --output --lenient" ;;
    convert) opts="--to --template --sheet --profile -o --output --lenient" ;;
    render) opts="--data --prior --print-data --each -o --output --lenient" ;;
    templates) opts="--export" ;;
    audit) opts="--prior --json -o --output" ;;
    layout)
      # layout draft FILE --sheet NAME [--id ID] [-o OUT.xml]
      if [[ " ${words[*]:0:cword} " == *" draft "* ]]; then
        opts="--sheet --id -o --output"
      elif [[ $cur != -* ]]; then
        COMPREPLY=($(compgen -W "draft" -- "$cur")); return
      fi ;;
    serve) COMPREPLY=($(compgen -W "--port --host --open --max-files --max-upload-mb -h --help" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts -h --help" -- "$cur"))
  elif [[ $sub == check ]]; then
    _filedir '@(xlsx|xlsm|xls)'
  elif [[ $sub == audit ]]; then
    _filedir '@(docx|docm|pdf|xlsx|xlsm|xls)'
  else
    _filedir
  fi
}
complete -F _jixiao jixiao
