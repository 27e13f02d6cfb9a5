#!/usr/bin/env bash
# Compares policysmith's canonical merge with AWS CDK's `PolicyDocument({minimize: true})` on the
# corpus: groups of 50 managed policies (Sids removed, because CDK never merges a statement with a
# Sid) and all key policies, one row per group. Needs Node.js 20 and the npm registry once (the
# versions are pinned in package-lock.json). Not part of the Maven build.
#   policy-bench/cdk-minimize/run.sh [GROUP_SIZE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
corpus="${POLICYSMITH_CORPUS:-$root/../shared/corpus}"
(cd "$root" && mvn -B -q package -DskipTests -pl policy-cli -am)
(cd "$here" && npm ci --no-audit --no-fund --silent)
node "$here/compare.mjs" "$root/policy-cli/target/policysmith.jar" "$corpus" "${1:-50}"
