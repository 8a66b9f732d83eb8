#!/usr/bin/env bash
# Starts N local ranks of a Delineo training command with torchrun's environment (RANK, LOCAL_RANK,
# WORLD_SIZE, MASTER_ADDR, MASTER_PORT), each rank's lines prefixed with its number. The job ends
# when every rank has; a rank that fails stops the others. For a test or a multi-GPU machine; on a
# cluster the scheduler starts the ranks instead (docs/DISTRIBUTED.md).
# Usage: scripts/train-distributed.sh N COMMAND [ARGS...]
#   scripts/train-distributed.sh 2 build/app/delineo-cli train --images I --masks M --batch 4 --out model.pt
#   scripts/train-distributed.sh 2 build/core/ml/delineo-ml-train --pack PACK --out model.pt
#   scripts/train-distributed.sh 2 build/app/delineo-cli finetune --workspace WS --epochs 10
# MASTER_ADDR and MASTER_PORT are taken from the environment when set (else 127.0.0.1 and a free
# port); OMP_NUM_THREADS likewise (else the cores shared out between the ranks).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
n=$1
shift
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "train-distributed: N must be a number of ranks, not '$n'" >&2; exit 2; }
addr=${MASTER_ADDR:-127.0.0.1}
port=${MASTER_PORT:-}
# A port below the kernel's ephemeral range: a port asked of the kernel (bind to 0, an outgoing
# connection) is never handed out there, so nothing else takes it between this check and rank 0's bind.
read -r ephemeral_low _ < /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || ephemeral_low=32768
lowest=$(( ephemeral_low > 12000 ? 10000 : 1024 ))
while [ -z "$port" ]; do
  port=$(shuf -i "$lowest-$(( ephemeral_low - 1 ))" -n 1)
  (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && port=""
done
threads=${OMP_NUM_THREADS:-$(( $(nproc) / n > 0 ? $(nproc) / n : 1 ))}
# One id for this launch, as torchrun --standalone gives (a workspace fine-tune names its job folder by it).
run_id=${TORCHELASTIC_RUN_ID:-$(date +%Y%m%d-%H%M%S)-$port}
echo "train-distributed: $n ranks, $threads threads each, rank 0 at $addr:$port" >&2
pids=()
for ((r = 0; r < n; r++)); do
  # The rank itself is the background job (so that a failure can stop the others); its lines go
  # through sed for the prefix.
  RANK=$r LOCAL_RANK=$r WORLD_SIZE=$n MASTER_ADDR=$addr MASTER_PORT=$port OMP_NUM_THREADS=$threads TORCHELASTIC_RUN_ID=$run_id \
    "$@" > >(sed -u "s/^/[rank $r] /") 2>&1 &
  pids+=($!)
done
status=0
for ((i = 0; i < n; i++)); do
  if ! wait -n; then
    status=1
    kill "${pids[@]}" 2> /dev/null || true
  fi
done
wait # the prefixing
exit $status
