#!/usr/bin/env bash
# Engine speed on this machine, beyond the cells' own work. Prints figures; never fails on them.
#   (1) a 10-cell chapter cold: parse, compile, run, render   goal < 1.5 s
#   (2) a no-change rebuild of a set of chapters (all cached)  goal < 0.3 s
#   (3) a prose-only edit re-rendered (cached results)         goal < 0.5 s
# Usage: Benchmarks/engine/run.sh [BUILD_DIR]   (default: builds release into .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build_dir=${1:-}
if [[ -z $build_dir ]]; then
    swift build -c release --product workbook >&2
    swift build -c release --product Course >&2
    build_dir=$(swift build -c release --show-bin-path)
fi
build_dir=$(cd "$build_dir" && pwd)
workbook="$build_dir/workbook"
[[ -x $workbook ]] || { echo "error: $workbook not built" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/one" "$work/set"

# A 10-cell chapter: small cells that share state, as a real chapter's do.
ten_cells() {
    echo "# Ten cells ($1)"; echo
    echo 'Gradient descent on $f(w) = (w - 3)^2$ with step $\eta$.'; echo
    echo '```swift'; echo 'var w = 0.0'; echo 'let eta = 0.1'; echo '```'; echo
    for i in 2 3 4 5 6 7 8 9; do
        echo "Step $i moves \$w\$ closer to 3."; echo
        echo '```swift'; echo 'w -= eta * 2 * (w - 3)'; echo "print(\"step $i\", w)"; echo '```'; echo
    done
    echo '```swift'; echo 'let final = w'; echo 'print(final)'; echo '```'; echo
    echo 'The weight ends at `{swift} final`.'
}

ten_cells one > "$work/one/01-ten.md"
for n in 01 02 03 04 05 06 07 08; do ten_cells "$n" > "$work/set/$n-chapter.md"; done

# Seconds (3 decimals) a command takes.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.3f'
}

cd "$work"
cold=$(seconds "$workbook" build one --output out-one --no-cache --jobs 1)
"$workbook" build set --output out-set > /dev/null   # fill the cache
rebuild=$(seconds "$workbook" build set --output out-set)
sed -i 's/Step 5 moves/In step 5, gradient descent moves/' set/05-chapter.md
prose=$(seconds "$workbook" build set --output out-set)

echo "engine benchmark ($(nproc) cores, $(basename "$build_dir") build)"
printf '  10-cell chapter cold (compile + run):   %s s   goal < 1.5 s\n' "$cold"
printf '  no-change rebuild of 8 chapters:        %s s   goal < 0.3 s\n' "$rebuild"
printf '  prose-only edit re-rendered (8 chapters): %s s goal < 0.5 s\n' "$prose"
