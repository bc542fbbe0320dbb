// The shared library: logging, steps, IMDSv2, SigV4-signed SSM and ECR calls.
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view lib_sh() {
  return R"sh(# shellcheck shell=bash
# hopper's node library (sourced after /etc/hopper/cluster.env): logging and numbered steps,
# IMDSv2, and AWS JSON calls (SSM, ECR) signed with Signature Version 4 by the script itself
# (curl and openssl) with the instance role's credentials from IMDS. Secrets stay in variables
# and pipes: never in a command line, a file outside /run/hopper and /etc/kubernetes/pki, or a log.
#
# For tests: HOPPER_ROOT (a prefix for every path), HOPPER_IMDS_ENDPOINT, HOPPER_SSM_ENDPOINT,
# HOPPER_ECR_ENDPOINT, HOPPER_LOG.
shopt -s inherit_errexit

ROOT="${HOPPER_ROOT:-}"
HOPPER_LOG="${HOPPER_LOG:-$ROOT/var/log/hopper-boot.log}"
IMDS_ENDPOINT="${HOPPER_IMDS_ENDPOINT:-http://169.254.169.254}"
SSM_ENDPOINT="${HOPPER_SSM_ENDPOINT:-${SSM_ENDPOINT:-}}"
ECR_ENDPOINT="${HOPPER_ECR_ENDPOINT:-${ECR_ENDPOINT:-}}"
STEP_NUMBER=0
STEP_NAME="start"
IMDS_TOKEN=""

log() {
  printf '%s hopper: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

# The ERR trap: name the failed step in the log, leave a marker, tell the console, stop.
on_error() {
  local status=$1 line=$2
  if [ "$BASHPID" != "$$" ]; then exit "$status"; fi
  log "FAILED: step $STEP_NUMBER ($STEP_NAME) exited with status $status (line $line)"
  mkdir -p "$ROOT/var/lib/hopper"
  printf 'step %s (%s) exited with status %s\n' "$STEP_NUMBER" "$STEP_NAME" "$status" >"$ROOT/var/lib/hopper/boot-failed"
  printf 'hopper: FAILED at step %s (%s); see %s\n' "$STEP_NUMBER" "$STEP_NAME" "$HOPPER_LOG" >&3
  exit "$status"
}

# begin <what>: strict mode; all output to the log, the console keeps fd 3.
begin() {
  set -Eeuo pipefail
  mkdir -p "$(dirname "$HOPPER_LOG")" "$ROOT/run/hopper"
  chmod 0700 "$ROOT/run/hopper"
  exec 3>&2 >>"$HOPPER_LOG" 2>&1
  trap 'on_error $? $LINENO' ERR
  log "begin: $1"
}

# step <what> <command> [args...]
step() {
  STEP_NUMBER=$((STEP_NUMBER + 1))
  STEP_NAME=$1
  shift
  log "step $STEP_NUMBER: $STEP_NAME"
  "$@"
}

# finish <what>: the success marker and a line on the console.
finish() {
  mkdir -p "$ROOT/var/lib/hopper"
  : >"$ROOT/var/lib/hopper/boot-done"
  log "done: $1"
  printf 'hopper: %s\n' "$1" >&3
}

# retry <attempts> <command> [args...]: runs the command until it succeeds, backing off 2, 4, 8 s...
retry() {
  local attempts=$1 attempt=1 delay=2
  shift
  until "$@"; do
    if [ "$attempt" -ge "$attempts" ]; then
      log "giving up on '$1' after $attempt attempts"
      return 1
    fi
    log "'$1' failed (attempt $attempt of $attempts); retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
  done
}

# imds_begin: a session token for IMDSv2 (PUT, then every read presents it).
imds_begin() {
  IMDS_TOKEN=$(curl -sSf --retry 10 --retry-connrefused --retry-delay 1 -X PUT \
    -H "X-aws-ec2-metadata-token-ttl-seconds: 21600" "$IMDS_ENDPOINT/latest/api/token") || return 1
}

# imds <path under meta-data/>
imds() {
  if [ -z "$IMDS_TOKEN" ]; then imds_begin || return 1; fi
  curl -sSf --retry 10 --retry-connrefused --retry-delay 1 \
    -H @<(printf 'X-aws-ec2-metadata-token: %s\n' "$IMDS_TOKEN") "$IMDS_ENDPOINT/latest/meta-data/$1"
}

# json_get <key.path> < json: one value (list items by index); fails when absent.
json_get() {
  python3 -c 'import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
sys.stdout.write(value if isinstance(value, str) else json.dumps(value))' "$1"
}

# load_credentials: the instance role's temporary credentials from IMDS.
load_credentials() {
  local role document
  role=$(imds iam/security-credentials/) || return 1
  role=${role%%[[:space:]]*}
  document=$(imds "iam/security-credentials/$role") || return 1
  AWS_ACCESS_KEY_ID=$(printf '%s' "$document" | json_get AccessKeyId) || return 1
  AWS_SECRET_ACCESS_KEY=$(printf '%s' "$document" | json_get SecretAccessKey) || return 1
  AWS_SESSION_TOKEN=$(printf '%s' "$document" | json_get Token) || return 1
}

sha256_hex() {
  openssl dgst -sha256 -hex | sed 's/^.*= //'
}

# hmac_hex <hex key> <data>
hmac_hex() {
  printf '%s' "$2" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" | sed 's/^.*= //'
}

# sigv4_authorization <method> <path> <region> <service> <amz date> <payload> <name:value>...
# The Authorization header of an AWS Signature Version 4 request without a query string. The
# headers are the signed ones, lowercase names, host and x-amz-date among them. Uses
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
sigv4_authorization() {
  local method=$1 path=$2 region=$3 service=$4 amz_date=$5 payload=$6
  shift 6
  local day=${amz_date%%T*} headers signed payload_hash request scope string_to_sign key
  headers=$(printf '%s\n' "$@" | LC_ALL=C sort) || return 1
  signed=$(printf '%s\n' "$headers" | cut -d: -f1 | paste -sd ';' -) || return 1
  payload_hash=$(printf '%s' "$payload" | sha256_hex) || return 1
  request=$(printf '%s\n%s\n\n%s\n\n%s\n%s' "$method" "$path" "$headers" "$signed" "$payload_hash")
  scope="$day/$region/$service/aws4_request"
  string_to_sign=$(printf 'AWS4-HMAC-SHA256\n%s\n%s\n%s' "$amz_date" "$scope" \
    "$(printf '%s' "$request" | sha256_hex)") || return 1
  key=$(printf '%s' "AWS4$AWS_SECRET_ACCESS_KEY" | od -An -v -tx1 | tr -d ' \n') || return 1
  key=$(hmac_hex "$key" "$day") || return 1
  key=$(hmac_hex "$key" "$region") || return 1
  key=$(hmac_hex "$key" "$service") || return 1
  key=$(hmac_hex "$key" aws4_request) || return 1
  printf 'AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s' \
    "$AWS_ACCESS_KEY_ID" "$scope" "$signed" "$(hmac_hex "$key" "$string_to_sign")"
}

# aws_json <endpoint> <region> <service> <target> <body>: a signed JSON 1.1 POST; prints the
# answer. An error answer is logged (AWS error answers hold no secrets) and fails the call.
aws_json() {
  local endpoint=$1 region=$2 service=$3 target=$4 body=$5
  local host amz_date authorization response status
  host=${endpoint#*://}
  host=${host%%/*}
  amz_date=$(date -u +%Y%m%dT%H%M%SZ)
  local signed=("content-type:application/x-amz-json-1.1" "host:$host" "x-amz-date:$amz_date" "x-amz-target:$target")
  if [ -n "${AWS_SESSION_TOKEN:-}" ]; then signed+=("x-amz-security-token:$AWS_SESSION_TOKEN"); fi
  authorization=$(sigv4_authorization POST / "$region" "$service" "$amz_date" "$body" "${signed[@]}") || return 1
  response=$(printf '%s' "$body" | curl -sS -X POST --data-binary @- -w '\n%{http_code}' \
    -H @<(printf 'Content-Type: application/x-amz-json-1.1\nX-Amz-Target: %s\nX-Amz-Date: %s\n' "$target" "$amz_date"
      if [ -n "${AWS_SESSION_TOKEN:-}" ]; then printf 'X-Amz-Security-Token: %s\n' "$AWS_SESSION_TOKEN"; fi
      printf 'Authorization: %s\n' "$authorization") \
    "$endpoint/") || { log "$target: no answer from $endpoint"; return 1; }
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  if [ "$status" != 200 ]; then
    log "$target: $endpoint answered HTTP $status: ${response:0:400}"
    return 1
  fi
  printf '%s' "$response"
}

# ssm_get <name under the cluster's prefix>: the decrypted value.
ssm_get() {
  local response
  load_credentials || return 1
  response=$(aws_json "$SSM_ENDPOINT" "$CLUSTER_REGION" ssm AmazonSSM.GetParameter \
    "{\"Name\":\"$SSM_PREFIX$1\",\"WithDecryption\":true}") || return 1
  printf '%s' "$response" | json_get Parameter.Value
}

# ssm_put_secure <name under the cluster's prefix> <value>: overwrites a SecureString.
# REQUIRES: a value without quotes or backslashes (a join token).
ssm_put_secure() {
  load_credentials || return 1
  aws_json "$SSM_ENDPOINT" "$CLUSTER_REGION" ssm AmazonSSM.PutParameter \
    "{\"Name\":\"$SSM_PREFIX$1\",\"Value\":\"$2\",\"Type\":\"SecureString\",\"Overwrite\":true}" >/dev/null
}

# ecr_password: the password (user AWS) for the VPC CNI's private ECR registry.
ecr_password() {
  local response token
  load_credentials || return 1
  response=$(aws_json "$ECR_ENDPOINT" "$ECR_REGION" ecr \
    AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken '{}') || return 1
  token=$(printf '%s' "$response" | json_get authorizationData.0.authorizationToken) || return 1
  printf '%s' "$token" | base64 -d | cut -d: -f2-
}

# valid_join_token <token>: kubeadm's format.
valid_join_token() {
  [[ $1 =~ ^[a-z0-9]{6}\.[a-z0-9]{16}$ ]]
}
)sh";
}

}  // namespace hopper::bootstrap::scripts
