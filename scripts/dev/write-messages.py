#!/usr/bin/env python3
"""Developer helper: write one namespace of trilingual messages from a {kk,ru,en}-leaf tree.

Usage: python3 scripts/dev/write-messages.py < tree.json  (tree: {"namespace": {...}})
The JSON files under messages/ stay the source of truth; this only saves typing.
"""
import json, os, sys

def split(tree, loc):
    if isinstance(tree, dict) and set(tree) == {"kk", "ru", "en"} and all(isinstance(v, str) for v in tree.values()):
        return tree[loc]
    return {k: split(v, loc) for k, v in tree.items()}

root = os.path.join(os.path.dirname(__file__), "..", "..", "messages")
for ns, tree in json.load(sys.stdin).items():
    for loc in ("kk", "ru", "en"):
        with open(os.path.join(root, loc, f"{ns}.json"), "w", encoding="utf-8") as f:
            json.dump(split(tree, loc), f, ensure_ascii=False, indent=2)
            f.write("\n")
