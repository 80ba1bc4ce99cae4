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

# 3. The practice loop with a test-pattern camera and a spoken answer as the microphone, in both themes, over a
#    generated demo history (six days of takes) so the Progress page has something to chart.
espeak-ng -v en-us -s 140 -w "$data/raw.wav" "In my last role I led a small team that rebuilt the billing \
service. Basically I split the work into weekly milestones, talked to every customer who depended on it, and we \
shipped two weeks early." >/dev/null 2>&1
sox "$data/raw.wav" -r 16000 -c 1 "$data/answer.wav" pad 0.6 3
demo_history() {
  python3 - "$1" <<'PY'
import csv, datetime, random, sys
random.seed(7)
ids = [r["id"] for r in csv.DictReader(open("question-banks/core.csv", encoding="utf-8"))]
out = open(sys.argv[1], "w", newline="", encoding="utf-8")
out.write("# retake attempt log, schema=1\n")
w = csv.writer(out, lineterminator="\n")
w.writerow(["time","session","take","question","bank","mode","profile","self_rating","interviewer_rating",
            "duration_s","recording","transcript","metrics"])
today = datetime.datetime.now().astimezone().replace(hour=19, minute=0, second=0, microsecond=0)
ratings = ["unprepared", "shaky", "good", "nailed"]
for day in range(6, 0, -1):
    start = today - datetime.timedelta(days=day)
    for n in range(6):
        t = start + datetime.timedelta(minutes=2 * n)
        skill = (6 - day) / 6
        rating = ratings[min(3, int(random.random() * 2 + skill * 2.2))]
        wpm = 112 + 30 * skill + random.uniform(-8, 8)
        metrics = "fillers_per_min=%.2f;long_pauses=%d;wpm=%.1f" % (max(0, 4 - 3 * skill + random.uniform(-1, 1)),
                                                                  max(0, round(3 - 2.5 * skill + random.uniform(-1, 1))), wpm)
        w.writerow([t.isoformat(timespec="seconds"), "demo-%d" % day, "take-%02d" % (n + 1), random.choice(ids[:60]),
                    "core", "solo", "me", rating, "", "95", "", "", metrics])
PY
}
for theme in light dark; do
  root="$data/loop-$theme"
  mkdir -p "$root"
  demo_history "$root/attempts.csv"
  printf '{"camera":"synthetic","microphone":"file:%s","theme":"%s"}\n' "$data/answer.wav" "$theme" \
    > "$root/settings.json"
  suffix=$([ "$theme" = dark ] && echo "-dark" || echo "")
  start java -Xmx512m -jar "$jar" --data "$root"
  shot "practice-idle$suffix"
  xdotool key --window "$win" space
  sleep 2
  xdotool key --window "$win" space
  sleep 7
  shot "practice-recording$suffix"
  sleep 6
  xdotool key --window "$win" space
  sleep 6
  xdotool key --window "$win" 3
  sleep 1
  shot "review$suffix"
  xdotool key --window "$win" Escape
  sleep 2
  xdotool key --window "$win" ctrl+3
  sleep 3
  shot "progress$suffix"
  xdotool key --window "$win" ctrl+4
  sleep 2
  shot "banks$suffix"
  xdotool key --window "$win" ctrl+5
  sleep 2
  shot "settings$suffix"
  stop
done

# 4. A friend's interview: the interviewer's console beside the candidate's screen. A second, wider virtual
#    display stands in for two screens, so neither window hides the other.
kill "$xvfb" 2>/dev/null || true
display=:78
Xvfb "$display" -screen 0 2400x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1
root="$data/friend"
mkdir -p "$root"
demo_history "$root/attempts.csv"
printf '{"camera":"synthetic","microphone":"file:%s","profile":"me"}\n' "$data/answer.wav" > "$root/settings.json"
start java -Xmx512m -jar "$jar" --data "$root"
xdotool key --window "$win" ctrl+i
sleep 2
cwin=$(xdotool search --name "interviewer's console" | head -1)
xdotool windowmove "$win" 0 0
xdotool windowmove "$cwin" 1300 0
sleep 1
xdotool type --delay 50 "Sam"           # the interviewer's name; typing starts there
import -window "$cwin" "$out/console-setup.png"; echo "wrote $out/console-setup.png"
xdotool key Return                      # start the interview
sleep 3
xdotool key n                           # the weakest planned question
sleep 1
xdotool key space                       # start the take
sleep 5
xdotool key 2                           # flag: rambling
sleep 1
xdotool key f                           # type a follow-up
xdotool type --delay 30 "What would you do differently?"
xdotool key Return
sleep 0.5
xdotool key p                           # the phone remote: address, QR code, pairing code
sleep 3
import -window "$cwin" "$out/console.png"; echo "wrote $out/console.png"
import -window "$win" "$out/candidate.png"; echo "wrote $out/candidate.png"
sleep 4
xdotool key space                       # stop; the console offers the score
sleep 6
xdotool key 2                           # rate it: shaky
sleep 1
xdotool key ctrl+w                      # close the console: the interview ends and Review opens
sleep 6
import -window "$win" "$out/review-friend.png"; echo "wrote $out/review-friend.png"
stop
