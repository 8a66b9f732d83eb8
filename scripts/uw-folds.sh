# Sourced by the leave-one-case-out scripts: uw_folds CLI DATA WORK imports the UW-Madison sample into
# WORK/uw and, for each case, links WORK/CASE/train (the other cases' slices) and WORK/CASE/test (its
# own), each with masks/; it prints the case names.
uw_folds() {
  local cli=$1 data=$2 work=$3 held f name side
  "$cli" import-uw --data "$data" --out "$work/uw" >/dev/null
  for held in $(ls "$work/uw" | grep -o '^case[0-9]*' | sort -u); do
    for side in train test; do mkdir -p "$work/$held/$side/masks"; done
    for f in "$work"/uw/*.png; do
      name=$(basename "$f")
      side=train
      [[ $name == "${held}"_* ]] && side=test
      ln -s "$(realpath "$f")" "$work/$held/$side/$name"
      ln -s "$(realpath "$work/uw/masks/$name")" "$work/$held/$side/masks/$name"
    done
    echo "$held"
  done
}
