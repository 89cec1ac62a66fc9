#!/usr/bin/env python3
"""Parses a Terraform file with python-hcl2 and prints it as normalised JSON.

Usage: hcl_to_json.py FILE.tf

python-hcl2 (8.x) keeps the quotes of string literals ("\"eastus\""), quotes block labels,
writes expressions as "${...}", and marks blocks with "__is_block__". The output undoes
that, so a test can read it plainly:

- a string literal is its value, escapes decoded ("eastus"; "$${x}" becomes "${x}");
- an expression stays "${...}" ("${azurerm_resource_group.rg.location}");
- "__is_block__" markers are dropped and labels lose their quotes;
- the top-level "resource" and "data" lists become {type: {label: body}}, a repeated
  type and label being an error;
- nested blocks stay lists of bodies, as a block may repeat.

Exits 1 with a message on stderr when the file cannot be parsed.
"""

import json
import sys

import hcl2


def unquote(text):
    """A string literal's value: quotes removed, escapes and template escapes decoded."""
    inner = text[1:-1]
    out = []
    i = 0
    while i < len(inner):
        c = inner[i]
        if c == "\\" and i + 1 < len(inner):
            nxt = inner[i + 1]
            if nxt == "u" and i + 6 <= len(inner):
                out.append(chr(int(inner[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "r": "\r", "t": "\t"}.get(nxt, nxt))
            i += 2
            continue
        if c in "$%" and inner[i : i + 3] == c + c + "{":
            out.append(c + "{")
            i += 3
            continue
        out.append(c)
        i += 1
    return "".join(out)


def is_literal(text):
    return len(text) >= 2 and text.startswith('"') and text.endswith('"')


def label(text):
    return unquote(text) if is_literal(text) else text


def normalise(value):
    if isinstance(value, dict):
        return {label(k): normalise(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and is_literal(value):
        return unquote(value)
    return value


def merge_labelled(entries, kind):
    """[{type: {label: body}}, ...] as {type: {label: body}}."""
    merged = {}
    for entry in entries:
        for type_name, labelled in normalise(entry).items():
            for name, body in labelled.items():
                bucket = merged.setdefault(type_name, {})
                if name in bucket:
                    raise ValueError(f"{kind} {type_name}.{name} is declared twice")
                bucket[name] = body
    return merged


def main(argv):
    if len(argv) != 2:
        print("usage: hcl_to_json.py FILE.tf", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as handle:
            parsed = hcl2.load(handle)
        result = {}
        for key, value in parsed.items():
            if key in ("resource", "data"):
                result[key] = merge_labelled(value, key)
            elif key == "provider":
                result[key] = {}
                for entry in value:
                    result[key].update(normalise(entry))
            else:
                result[key] = normalise(value)
    except Exception as error:  # the test shows whatever went wrong
        print(f"hcl_to_json: {argv[1]}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, indent=2, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
