#!/usr/bin/env bash
# Checks terraform/ for real: fmt, init from the local provider mirror, validate every root, and
# the plan-time tests in test/. Without terraform or the mirror it says so loudly and still parses
# every .tf/.tftest.hcl file with @cdktf/hcl2json, then exits 0 only if that parse passed.
# Nothing is written into the repository: terraform runs on a copy in a temporary directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

banner() { printf '\n==================== %s ====================\n' "$*"; }

mapfile -t hcl_files < <(cd "$here" && find . -path ./node_modules -prune -o \( -name '*.tf' -o -name '*.tftest.hcl' -o -name '*.tfmock.hcl' \) -type f -print | sort)

parse_check() {
  banner "PARSE CHECK (@cdktf/hcl2json) of ${#hcl_files[@]} files"
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "FAILED: neither terraform nor node/npm is available: nothing can check terraform/." >&2
    exit 1
  fi
  (cd "$here" && npm ci --silent --no-audit --no-fund)
  (cd "$here" && node - "${hcl_files[@]}" <<'JS'
const { parse } = require("@cdktf/hcl2json");
const fs = require("fs");
(async () => {
  let failed = 0;
  for (const f of process.argv.slice(2)) {
    try {
      await parse(f, fs.readFileSync(f, "utf8"));
      console.log(`ok      ${f}`);
    } catch (e) {
      failed++;
      console.log(`FAILED  ${f}: ${String(e.message || e).split("\n")[0]}`);
    }
  }
  const total = process.argv.length - 2;
  console.log(`hcl2json: ${total - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
JS
  )
}

tf="$(command -v terraform || true)"
mirror="${TF_PLUGIN_MIRROR:-$(find / -maxdepth 3 -name tf-plugins -type d 2>/dev/null | head -n1 || true)}"
if [[ -z "$tf" || -z "$mirror" || ! -d "$mirror/registry.terraform.io/hashicorp/aws" ]]; then
  banner "WARNING: TERRAFORM CHECKS SKIPPED"
  echo "terraform binary: ${tf:-NOT FOUND}"
  echo "provider mirror (tf-plugins with registry.terraform.io/hashicorp/aws): ${mirror:-NOT FOUND}"
  echo "fmt, init, validate and 'terraform test' did NOT run; only a syntax parse follows."
  echo "Install terraform >= 1.7 and the hashicorp/aws provider mirror to check for real."
  parse_check
  banner "WARNING: ONLY THE PARSE CHECK RAN (see above)"
  # Where terraform is expected (e.g. a CI image that ships it), make its absence an error.
  if [[ "${ORDERFLOW_REQUIRE_TERRAFORM:-0}" == 1 ]]; then
    echo "ORDERFLOW_REQUIRE_TERRAFORM=1: failing because the terraform checks could not run." >&2
    exit 1
  fi
  exit 0
fi

cat >"$work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_PLUGIN_CACHE_DIR="$work/plugin-cache"
mkdir -p "$TF_PLUGIN_CACHE_DIR"
banner "$("$tf" version | head -n1), provider mirror $mirror"

# A copy keeps .terraform/ and lock files out of the work tree; module paths stay relative.
mkdir -p "$work/tree"
(cd "$here" && tar --exclude=./node_modules --exclude='.terraform*' -cf - .) | (cd "$work/tree" && tar -xf -)

banner "terraform fmt -check -recursive"
(cd "$work/tree" && "$tf" fmt -check -recursive -diff)

roots=(environments/dev environments/prod)
for root in "${roots[@]}"; do
  banner "init + validate $root"
  export TF_DATA_DIR="$work/data/${root//\//_}"
  (cd "$work/tree/$root" && "$tf" init -backend=false -input=false -no-color >/dev/null && "$tf" validate -no-color)
done

banner "terraform test (test/, mock provider, every environment)"
export TF_DATA_DIR="$work/data/test"
(cd "$work/tree/test" && "$tf" init -backend=false -input=false -no-color >/dev/null && "$tf" test -no-color) | tee "$work/test.log"
# A test directory that lost its files would report "0 passed": that is not a pass.
if ! grep -Eq 'Success! [1-9][0-9]* passed, 0 failed' "$work/test.log"; then
  echo "FAILED: terraform test ran no test." >&2
  exit 1
fi
banner "terraform checks passed"
