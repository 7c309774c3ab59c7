#!/usr/bin/env python3
"""The layers of DESIGN.md, enforced: each folder may include only the folders below it, never a header
another folder keeps private, and its CMake target links exactly the jixiao libraries it includes.

    cli -> app -> writers, mapping -> model -> core;   mapping, writers -> readers -> core

cli/ parses arguments and prints: it talks to app/ (and core/'s diagnostics) only. A header is public
when its folder's CMakeLists.txt names it (the FILE_SET HEADERS list); the others are private to the
folder. Prints every offending line and exits 1; exits 0 when the tree keeps its layers.

usage: layering_check.py SOURCE_DIR
       layering_check.py --self-test   (a small tree with one mistake of each kind must fail)
"""
import re
import sys
from pathlib import Path

# What each layer may include besides itself: every folder below it in DESIGN.md.
ALLOWED = {
    "core": set(),
    "readers": {"core"},
    "model": {"core"},
    "mapping": {"model", "readers", "core"},
    "writers": {"model", "readers", "core"},
    "app": {"writers", "mapping", "model", "readers", "core"},
    "cli": {"app", "core"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*"([a-z_]+)/([^"]+)"')
LIBRARY = re.compile(r"\bjixiao_([a-z_]+)\b")


def cmake_call(text, name):
    """The arguments of every `name(...)` call in a CMakeLists.txt, parentheses balanced."""
    out = []
    for m in re.finditer(r"\b%s\s*\(" % re.escape(name), text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        out.append(text[m.end():i - 1])
    return out


def check(root):
    problems = []
    public = {}   # folder -> header names its CMakeLists.txt lists
    links = {}    # folder -> jixiao libraries its target links
    for layer in ALLOWED:
        cmake = (root / layer / "CMakeLists.txt").read_text(encoding="utf-8")
        cmake = re.sub(r"#[^\n]*", "", cmake)
        public[layer] = set(re.findall(r"([A-Za-z0-9_]+\.h)\b", cmake))
        linked = set()
        for args in cmake_call(cmake, "target_link_libraries"):
            target, _, libraries = args.strip().partition(" ")
            linked |= set(LIBRARY.findall(libraries)) & set(ALLOWED)
        links[layer] = linked

    included = {layer: set() for layer in ALLOWED}
    for layer, allowed in ALLOWED.items():
        for path in sorted((root / layer).rglob("*")):
            if path.suffix not in (".h", ".cpp"):
                continue
            rel = path.relative_to(root)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m or m.group(1) not in ALLOWED:
                    continue
                folder, header = m.groups()
                where = f"{rel}:{number}: {line.strip()}"
                if folder == layer:
                    continue
                included[layer].add(folder)
                if folder not in allowed:
                    problems.append(f"{where} — {layer}/ may include only "
                                    f"{', '.join(sorted(allowed | {layer}))} (DESIGN.md)")
                elif header not in public[folder]:
                    problems.append(f"{where} — {header} is private to {folder}/ "
                                    f"(not among the headers {folder}/CMakeLists.txt installs)")

    for layer in ALLOWED:
        for lib in sorted(links[layer] - ALLOWED[layer]):
            problems.append(f"{layer}/CMakeLists.txt: links jixiao_{lib}, a layer {layer}/ may not use")
        for lib in sorted(links[layer] - included[layer] - {layer}):
            problems.append(f"{layer}/CMakeLists.txt: links jixiao_{lib} but includes none of its headers")
        for folder in sorted(included[layer] - links[layer]):
            problems.append(f"{layer}/CMakeLists.txt: includes {folder}/ headers but does not link jixiao_{folder}")

    return problems


def self_test():
    """Each kind of mistake, planted in a small tree, must be reported, and the clean tree must pass."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for layer in ALLOWED:
            (root / layer).mkdir()
            links = " ".join(f"jixiao_{lib}" for lib in sorted(ALLOWED[layer]) if lib != "cli")
            (root / layer / "CMakeLists.txt").write_text(
                f"add_library(jixiao_{layer} x.cpp)\n"
                f"target_sources(jixiao_{layer} PUBLIC FILE_SET HEADERS FILES {layer}_api.h)\n"
                f"target_link_libraries(jixiao_{layer} PUBLIC {links})\n", encoding="utf-8")
            (root / layer / "x.cpp").write_text(
                "".join(f'#include "{lib}/{lib}_api.h"\n' for lib in sorted(ALLOWED[layer])), encoding="utf-8")
        clean = check(root)
        if clean:
            print("self-test: the clean tree was refused:", *clean, sep="\n  ")
            return 1
        (root / "model" / "y.cpp").write_text('#include "readers/readers_api.h"\n', encoding="utf-8")
        (root / "writers" / "y.cpp").write_text('#include "readers/formula_parser.h"\n', encoding="utf-8")
        (root / "cli" / "y.cpp").write_text('#include "model/record.h"\n', encoding="utf-8")
        (root / "mapping" / "CMakeLists.txt").write_text(
            "add_library(jixiao_mapping x.cpp)\ntarget_link_libraries(jixiao_mapping PUBLIC jixiao_model jixiao_writers)\n",
            encoding="utf-8")
        found = "\n".join(check(root))
        expected = ["model/y.cpp:1: #include \"readers/readers_api.h\" — model/ may include only",
                    "formula_parser.h is private to readers/",
                    "cli/y.cpp:1: #include \"model/record.h\" — cli/ may include only",
                    "mapping/CMakeLists.txt: links jixiao_writers, a layer mapping/ may not use",
                    "mapping/CMakeLists.txt: includes readers/ headers but does not link jixiao_readers"]
        missed = [e for e in expected if e not in found]
        if missed:
            print("self-test: not reported:", *missed, "reported:", found, sep="\n  ")
            return 1
        print(f"self-test: the {len(expected)} planted mistakes were reported")
        return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    problems = check(Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve())
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problem(s) in {', '.join(ALLOWED)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
