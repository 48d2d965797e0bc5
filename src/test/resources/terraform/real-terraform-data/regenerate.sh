#!/bin/sh
# Regenerates plan.json with the local terraform (1.11.4 when it was written) and only built-in constructs
# (terraform_data needs no provider download): the real shape of unknown list elements (null in values, true in
# after_unknown), configuration references and module outputs, which the hand-written ../app/plan.json follows.
set -eu
cd "$(dirname "$0")"
export TF_CLI_CONFIG_FILE=/dev/null
terraform init -input=false >/dev/null
terraform plan -input=false -out plan.out >/dev/null
terraform show -json plan.out | python3 -m json.tool --indent 2 > plan.json
rm -rf plan.out .terraform .terraform.lock.hcl
