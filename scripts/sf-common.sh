# Shared by the Salesforce CLI scripts (sourced, not run).
# shellcheck shell=bash
export SF_DISABLE_TELEMETRY=true SF_SKIP_NEW_VERSION_CHECK=true SF_AUTOUPDATE_DISABLE=true

# The package's namespace from sfdx-project.json ('' when there is none).
NAMESPACE=$(node -p "require('./sfdx-project.json').namespace || ''")
# A component's API name as an org that installed (or a namespaced scratch org) knows it.
qualified() {
    if [ -n "$NAMESPACE" ]; then echo "${NAMESPACE}__$1"; else echo "$1"; fi
}
PERMISSION_SET=$(qualified PowerDialer_Billing_Admin)
export NAMESPACE PERMISSION_SET
