#!/usr/bin/env bash
# Takes the README's screenshots from the real app on a virtual display.
# Needs: xvfb, xdotool, imagemagick (apt-get install xvfb xdotool imagemagick) and a built target/retake.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
jar=target/retake.jar
[ -f "$jar" ] || { echo "Build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }

display=:77
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill ${app:-} $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
export DISPLAY=$display
sleep 1
app=
shot() { import -window root "$out/$1.png"; echo "wrote $out/$1.png"; }

# Starts the app with the given arguments and waits for its window and background checks.
start() {
  "$@" >/dev/null 2>&1 &
  app=$!
  win=
  for _ in $(seq 1 60); do
    win=$(xdotool search --name "Retake" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.5
  done
  [ -n "$win" ] || { echo "The window never appeared" >&2; exit 1; }
  sleep 5
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; }

# 1. From this checkout, with the speech model the build fetched.
start java -jar "$jar" --data "$data/checkout"
shot practice
xdotool key --window "$win" ctrl+4
sleep 1.5
shot banks
stop

# 2. A user's install outside a checkout: no speech model, and a bank of their own with mistakes in it.
mkdir -p "$data/install/question-banks"
cp "$jar" "$data/install/retake.jar"
cat > "$data/install/question-banks/my-questions.csv" <<'CSV'
id,category,question,talking_points,difficulty
my-1,motivation,Why do you want to work for a charity?,Personal connection | What you bring,easy
my-2,motivation,,The mission,medium
my-3,curveball,"What would your dog say about you?,Humour,easy
my-4,curveball,Describe yourself in three words.,Three words | A story for each,tricky
CSV
cd "$data/install"
start java -jar retake.jar --data "$data/install" --model "$data/install/no-model"
cd - >/dev/null
xdotool key --window "$win" ctrl+4
sleep 1.5
shot banks-problems
stop
