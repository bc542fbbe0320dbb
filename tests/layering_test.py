#!/usr/bin/env python3
"""Checks every #include "module/..." under src/ against the module dependencies declared in
src/CMakeLists.txt (hopper_add_module(NAME DEPENDS ...)): a module may include itself and what it
depends on, directly or through its dependencies. Exit 1 with one line per violation."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
cmake = (root / "src" / "CMakeLists.txt").read_text()
deps = {}
for match in re.finditer(r"hopper_add_module\(\s*(\w+)([^)]*)\)", cmake):
    name, rest = match.group(1), match.group(2)
    dep_match = re.search(r"DEPENDS((?:\s+\w+)+?)(?:\s+LIBS|\s*$)", rest)
    deps[name] = dep_match.group(1).split() if dep_match else []

def closure(module, seen=None):
    seen = seen if seen is not None else set()
    for dep in deps.get(module, []):
        if dep not in seen:
            seen.add(dep)
            closure(dep, seen)
    return seen

include_re = re.compile(r'^\s*#\s*include\s+"([a-z_0-9]+)/', re.M)
violations = []
for module in deps:
    allowed = closure(module) | {module}
    for path in sorted((root / "src" / module).rglob("*")):
        if path.suffix not in (".cpp", ".hpp"):
            continue
        for inc in include_re.findall(path.read_text(errors="replace")):
            if inc in deps and inc not in allowed:
                violations.append(f"{path.relative_to(root)}: includes {inc}/, but {module} may use only {sorted(allowed)}")
for v in violations:
    print(v)
if not deps:
    print("no modules found in src/CMakeLists.txt")
    sys.exit(1)
print(f"layering: {len(deps)} modules, {len(violations)} violations")
sys.exit(1 if violations else 0)
