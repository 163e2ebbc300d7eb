#!/usr/bin/env bash
# The E2E stage: the extension's integration suite inside a real VS Code (code-server), then the
# packaged .vsix and a UI-level test of it. Installs what it needs: Debian's chromium, libkrb5-dev
# (code-server's native modules) and a CJK font (the reports are Chinese), then Node 24, code-server
# and playwright-core from npm into a cache outside the clone (scripts/e2e/tools.mjs). Any install
# failure fails the stage loudly. Usage: bash scripts/e2e/e2e.sh [integration|ui|all]
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"

stamp() { date +%s; }
t0=$(stamp)

debs=(chromium libkrb5-dev fonts-wqy-microhei)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[e2e] installing Debian packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "[e2e] FATAL: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || { echo "[e2e] FATAL: apt-get update failed" >&2; exit 1; }
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    { echo "[e2e] FATAL: apt-get install ${missing[*]} failed" >&2; exit 1; }
fi
echo "[e2e] Debian packages ready in $(($(stamp) - t0)) s"

t1=$(stamp)
node scripts/e2e/tools.mjs >/dev/null
echo "[e2e] npm tools ready in $(($(stamp) - t1)) s (cache: ${NIANBAO_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nianbao-lint-e2e})"

status=0
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# The last `N passed, N failed` line a runner printed (its own closing line), or a failure if none.
counts() { grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1 || echo "0 passed, 1 failed"; }
summary=()
if [ "$what" = all ] || [ "$what" = integration ]; then
  t2=$(stamp)
  node scripts/e2e/run-integration.mjs 2>&1 | tee "$logs/integration" || status=1
  echo "[e2e] integration suite: $(($(stamp) - t2)) s"
  summary+=("integration: $(counts "$logs/integration")")
fi
if [ "$what" = all ] || [ "$what" = ui ]; then
  t3=$(stamp)
  version=$(node -p 'require("./package.json").version')
  rm -f "nianbao-lint-$version.vsix"
  npm run --silent package >/dev/null || { echo "[e2e] FATAL: npm run package failed" >&2; exit 1; }
  echo "[e2e] packaged nianbao-lint-$version.vsix ($(du -k "nianbao-lint-$version.vsix" | cut -f1) KB) in $(($(stamp) - t3)) s"
  t4=$(stamp)
  node scripts/e2e/ui-test.mjs --vsix "nianbao-lint-$version.vsix" 2>&1 | tee "$logs/ui" || status=1
  echo "[e2e] UI test: $(($(stamp) - t4)) s"
  summary+=("ui: $(counts "$logs/ui")")
fi
echo "[e2e] stage: $(($(stamp) - t0)) s"
printf '%s\n' "${summary[@]}"
exit $status
