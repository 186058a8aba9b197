#!/usr/bin/env python3
"""Baseline for the check benchmark: Python's tomllib parsing every TOML file and
every Markdown front matter block of a plan folder, and nothing else."""
import os
import sys
import time
import tomllib

plan = sys.argv[1]
start = time.perf_counter()
items = files = 0
for root, dirs, names in os.walk(plan):
    dirs[:] = sorted(d for d in dirs if not (root == plan and d in ("site", "assets", "templates")))
    for name in sorted(names):
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            text = f.read().decode("utf-8")
        if name.endswith(".toml"):
            doc = tomllib.loads(text)
        elif name.endswith(".md"):
            front = text.split("+++\n", 2)[1]
            doc = tomllib.loads(front)
        else:
            continue
        files += 1
        items += sum(len(v) for v in doc.values() if isinstance(v, list)) if name.endswith(".toml") else 1
print(f"{time.perf_counter() - start:.3f} {files} {items}")
