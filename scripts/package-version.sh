#!/usr/bin/env bash
# Creates a version of the managed (second-generation) package "PowerDialer Billing" with Apex code
# coverage, and promotes it to released when asked:
#
#   scripts/package-version.sh [--promote] [--target-dev-hub <alias>]
#
# Needs a Dev Hub the CLI is logged in to (npx sf org login web --set-default-dev-hub) with the
# namespace of sfdx-project.json linked to it. The first run creates the package and records its
# id in sfdx-project.json's packageAliases: commit that change. Each version adds its own alias.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/sf-common.sh
source scripts/sf-common.sh

PACKAGE="PowerDialer Billing"
promote=false
hub=()
while [ $# -gt 0 ]; do
    case "$1" in
        --promote) promote=true ;;
        --target-dev-hub | -v)
            hub=(--target-dev-hub "$2")
            shift
            ;;
        *)
            echo "usage: scripts/package-version.sh [--promote] [--target-dev-hub <alias>]" >&2
            exit 2
            ;;
    esac
    shift
done

if [ -z "$NAMESPACE" ]; then
    echo "sfdx-project.json has no namespace: a managed package needs one." >&2
    exit 1
fi

if ! node -e "process.exit(require('./sfdx-project.json').packageAliases?.[process.argv[1]] ? 0 : 1)" "$PACKAGE"; then
    npx sf package create --name "$PACKAGE" --package-type Managed --path force-app "${hub[@]}"
fi

# The LWCs are TypeScript: a version without their compiled .js would not deploy.
npm run build

result=$(mktemp)
trap 'rm -f "$result"' EXIT
npx sf package version create --package "$PACKAGE" --installation-key-bypass --code-coverage \
    --wait 60 --json "${hub[@]}" >"$result"
version=$(node -e "const r = require(process.argv[1]).result; console.log(r.SubscriberPackageVersionId)" "$result")
echo "Created package version $version (install: /packaging/installPackage.apexp?p0=$version)."

if [ "$promote" = true ]; then
    npx sf package version promote --package "$version" --no-prompt "${hub[@]}"
    echo "Promoted $version to released."
fi
