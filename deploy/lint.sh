#!/usr/bin/env bash
# Lints the deploy files with whatever linters this machine has; a missing linter is reported as SKIP, not as a
# failure. Not part of CI (.ci/run): it needs tools CI does not install. Usage: deploy/lint.sh
# What each check covers, and what it reported when last run, is in deploy/README.md ("Linting").
set -uo pipefail
cd "$(dirname "$0")" || exit 2

failed=0
step() { printf '\n== %s\n' "$1"; }
skip() { printf 'SKIP: %s\n' "$1"; }
run() { if "$@"; then echo "ok"; else echo "FAILED: $*"; failed=1; fi; }

step "systemd unit: systemd-analyze verify (as an instance, crmstatesync@lint.service)"
if command -v systemd-analyze >/dev/null; then
    # verify checks an instance, not a template; it also checks that ExecStart's binary (/usr/bin/dotnet) exists.
    tmp=$(mktemp -d)
    cp systemd/crmstatesync@.service "$tmp/crmstatesync@lint.service"
    run systemd-analyze verify "$tmp/crmstatesync@lint.service"
    systemd-analyze security --offline=yes "$tmp/crmstatesync@lint.service" 2>/dev/null | tail -n 1
    rm -rf "$tmp"
else
    skip "systemd-analyze not installed"
fi

step "Kubernetes: kubectl kustomize (base, single org, every overlay)"
if command -v kubectl >/dev/null; then
    for dir in kubernetes/base kubernetes kubernetes/go-live kubernetes/overlays/*/; do
        printf '%s: ' "$dir"
        run kubectl kustomize "$dir" -o /dev/null
    done
else
    skip "kubectl not installed"
fi

step "YAML well-formedness (every *.yaml under deploy/)"
if python3 -c 'import yaml' 2>/dev/null; then
    run python3 - <<'PY'
import pathlib, sys, yaml
bad = 0
for path in sorted(pathlib.Path('.').rglob('*.yaml')):
    try:
        list(yaml.safe_load_all(path.read_text()))
        print(f'  {path}: ok')
    except yaml.YAMLError as e:
        print(f'  {path}: {e}'); bad = 1
sys.exit(bad)
PY
else
    skip "python3 with PyYAML not available"
fi

step "JSON well-formedness (every *.json under deploy/)"
if command -v python3 >/dev/null; then
    while IFS= read -r -d '' f; do printf '%s: ' "$f"; run python3 -m json.tool "$f" /dev/null; done < <(find . -name '*.json' -print0)
else
    skip "python3 not available"
fi

step "Dockerfile: dockerfile-utils lint (npm, run through npx, not installed into the repository)"
if command -v npx >/dev/null; then
    run npx --yes dockerfile-utils@0.16.3 lint docker/Dockerfile
else
    skip "npx not available"
fi

step "Shell: shellcheck deploy/lint.sh"
if command -v shellcheck >/dev/null; then
    run shellcheck lint.sh
else
    skip "shellcheck not installed"
fi

echo
if [ "$failed" -ne 0 ]; then echo "lint: FAILED"; exit 1; fi
echo "lint: ok"
