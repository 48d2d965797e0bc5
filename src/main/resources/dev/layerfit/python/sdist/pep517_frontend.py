# layerfit's PEP 517 build frontend, run by dev.layerfit.python.sdist with the local python3 in isolated mode (-I).
# Each command writes its JSON answer to the file named last on the command line, so that whatever a build backend
# prints stays in the build output.
#   inspect OUT                              the interpreter: full version, machine, glibc
#   build-system SRC OUT                     [build-system] of SRC/pyproject.toml (PEP 518 defaults when absent)
#   requires SRC SITE OUT                    the backend's get_requires_for_build_wheel (PEP 517)
#   wheel SRC SITE WHEELDIR OUT              the backend's build_wheel into WHEELDIR
import json
import os
import platform
import sys

ARGS = list(sys.argv)  # backends (setuptools) replace sys.argv while they run


def answer(value):
    with open(ARGS[-1], "w", encoding="utf-8") as f:
        json.dump(value, f)


def build_system(src):
    path = os.path.join(src, "pyproject.toml")
    table = {}
    if os.path.exists(path):
        import tomllib
        with open(path, "rb") as f:
            table = tomllib.load(f).get("build-system", {})
    if "build-backend" not in table:
        # PEP 517: no backend named means setuptools' legacy backend (as pip does)
        return {"requires": table.get("requires", ["setuptools>=40.8.0"]),
                "backend": "setuptools.build_meta:__legacy__", "backendPath": []}
    return {"requires": table.get("requires", []), "backend": table["build-backend"],
            "backendPath": table.get("backend-path", [])}


def backend(src, site):
    bs = build_system(src)
    sys.path[:0] = [os.path.join(src, p) for p in bs["backendPath"]] + [site]
    os.chdir(src)
    module, _, attr = bs["backend"].partition(":")
    import importlib
    obj = importlib.import_module(module)
    for part in filter(None, attr.split(".")):
        obj = getattr(obj, part)
    return obj


def main():
    argv = ARGS
    command = argv[1]
    if command == "inspect":
        libc, version = platform.libc_ver()
        answer({"version": platform.python_version(), "machine": platform.machine(),
                "libc": libc, "libcVersion": version})
    elif command == "build-system":
        answer(build_system(argv[2]))
    elif command == "requires":
        b = backend(argv[2], argv[3])
        hook = getattr(b, "get_requires_for_build_wheel", None)
        answer(list(hook({})) if hook else [])
    elif command == "wheel":
        b = backend(argv[2], argv[3])
        answer(b.build_wheel(os.path.abspath(argv[4]), {}))
    else:
        raise SystemExit("unknown command " + command)


main()
