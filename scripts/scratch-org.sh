#!/usr/bin/env bash
# Deploys the package to a fresh (namespaced) scratch org and runs its Apex tests, then deletes
# the org: create → build the LWCs (TypeScript → JavaScript) → deploy → create the signing
# certificate (the installer's post-install step) → assign the permission set → Apex tests with
# coverage → delete. The org is deleted on failure too.
#
# Needs a Dev Hub the CLI is logged in to, linked to the namespace of sfdx-project.json:
#   npx sf org login web --set-default-dev-hub
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/sf-common.sh
source scripts/sf-common.sh

ALIAS=pdb-scratch
created=false

delete_org() {
    local status=$?
    if [ "$created" = true ]; then
        echo "Deleting scratch org $ALIAS…"
        npx sf org delete scratch --target-org "$ALIAS" -p || true
    fi
    exit "$status"
}
trap delete_org EXIT

npx sf org create scratch -f config/project-scratch-def.json -a "$ALIAS" -d -y 1 --wait 15
created=true

npm run build
npx sf project deploy start --target-org "$ALIAS" --wait 20
# Not part of the package: deploying a Certificate gives this org a new key pair of its own.
npx sf project deploy start --metadata-dir config/post-install --target-org "$ALIAS" --wait 10
npx sf org assign permset -n "$PERMISSION_SET" --target-org "$ALIAS"
npx sf apex run test --target-org "$ALIAS" --test-level RunLocalTests --code-coverage --result-format human --wait 20

npx sf org delete scratch --target-org "$ALIAS" -p
created=false
echo "Scratch org run passed."
