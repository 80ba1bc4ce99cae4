package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import app.retake.capture.AudioChunk;
import app.retake.capture.WavFiles;
import app.retake.speech.FileTranscriber;
import app.retake.speech.LiveTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.SpeechModelService;
import app.retake.speech.Transcript;
import app.retake.speech.WordErrorRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake bench transcribe}: accuracy, latency and memory of transcription on a synthetic spoken test set. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Synthesises interview answers with espeak-ng (known pauses, fillers and lead-in silence), "
                + "transcribes each from file and live (fed in real time, 20 ms chunks) and compares the metrics "
                + "with the truth.", "Needs espeak-ng and sox on the PATH and the speech model; the live pass runs "
                + "in real time, so this takes a few minutes."})
final class BenchTranscribe implements Callable<Integer> {

    private static final int RATE = LiveTranscriber.RATE;
    private static final int CHUNK = RATE / 50;
    /** 10 ms frames; espeak's silence is digital zero, so any small RMS floor separates speech from gaps. */
    private static final int FRAME = RATE / 100;
    private static final double VOICED_RMS = 300;
    private static final double SHORT_GAP = 0.5;
    private static final double LONG_GAP = 2.5;

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--utterances", defaultValue = "8", description = "How many of the 8 scripted answers to use "
            + "(default ${DEFAULT-VALUE}).")
    int utterances;

    /** One scripted answer: segments are spoken separately and joined by silences of known length. */
    private record Script(String voice, int wpm, double lead, List<String> segments, List<Double> gaps, int fillers) {
        String reference() {
            return String.join(" ", segments);
        }
    }

    /** The truth about one assembled answer, measured from its own samples where the script cannot know. */
    private record Truth(double firstVoiced, double lastVoiced, int longPauses, double seconds) {
    }

    private record Row(Script script, Truth truth, String heard, double werBatch, double werLive, SpeechMetrics batch,
                       double batchSeconds, double latencyMs, long dropped) {
    }

    // Fillers sit where the metrics' context rules count them: "like" after no subject, "you know" before no object.
    private static final List<Script> SCRIPTS = List.of(
            new Script("en-us", 130, 1.0, List.of(
                    "In my last role I led a small team that rebuilt our billing service from scratch.",
                    "We had three months, basically, and the old system kept failing every weekend.",
                    "I split the work into weekly milestones and we shipped two weeks early."),
                    List.of(SHORT_GAP, LONG_GAP), 1),
            new Script("en-gb", 170, 1.5, List.of(
                    "The hardest bug I ever fixed was a memory leak in a mobile app used by thousands of people.",
                    "It was, like, crashing only on older phones after an hour of use.",
                    "I profiled the app, found an image cache that never shrank, and cut crashes by ninety percent."),
                    List.of(LONG_GAP, SHORT_GAP), 1),
            new Script("en-us", 170, 1.25, List.of(
                    "I disagreed with my manager about releasing a feature before it was tested properly.",
                    "I actually wrote a short document showing the risks and the cost of a rollback.",
                    "We agreed to delay by one week, and the release went out without a single incident."),
                    List.of(SHORT_GAP, SHORT_GAP), 1),
            new Script("en-gb", 130, 1.0, List.of(
                    "My greatest strength is that I stay calm when a project is under pressure.",
                    "Last year our main customer changed every requirement, and, you know, everyone was tired.",
                    "I set up a daily check in with them and we still delivered the project on time."),
                    List.of(LONG_GAP, LONG_GAP), 1),
            new Script("en-us", 130, 1.5, List.of(
                    "I want to join your company because you build tools that teachers use every single day.",
                    "Basically, I spent four years volunteering at a school, and I saw how much time they lose "
                            + "to paperwork."),
                    List.of(LONG_GAP), 1),
            new Script("en-gb", 170, 1.25, List.of(
                    "When a teammate missed deadlines again and again, I asked him for a coffee and listened first.",
                    "It turned out he was, like, covering two jobs, and, actually, nobody had noticed.",
                    "We moved half of his tasks to another team, and his work improved within a month."),
                    List.of(SHORT_GAP, LONG_GAP), 2),
            new Script("en-us", 170, 1.0, List.of(
                    "One mistake I made early on was promising a date before I understood the problem.",
                    "Now I always break the work down with the team and give a range instead of one number."),
                    List.of(SHORT_GAP), 0),
            new Script("en-gb", 130, 1.5, List.of(
                    "In five years I hope to lead a product team and mentor new engineers.",
                    "You know, I enjoy helping people grow more than writing code myself.",
                    "So I have started running workshops for our interns every month."),
                    List.of(LONG_GAP, SHORT_GAP), 1));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> missing = SpokenAudio.missingTool();
        if (missing.isPresent()) {
            err.println(missing.get());
            err.flush();
            return 2;
        }
        List<Script> scripts = SCRIPTS.subList(0, Math.max(1, Math.min(utterances, SCRIPTS.size())));
        Path dir = Files.createTempDirectory("retake-bench-transcribe");
        try (SpeechModelService speech = new SpeechModelService(bench.root.locations().modelDir())) {
            ModelStatus status = speech.loadInBackground().join();
            if (!(status instanceof ModelStatus.Ready)) {
                err.println(app.retake.doctor.Findings.model(status).summary() + " (" + status.dir() + ")");
                err.flush();
                return 2;
            }
            var model = speech.model().orElseThrow();
            String modelName = status.dir().getFileName().toString();
            FileTranscriber files = new FileTranscriber(model, modelName);
            out.printf(Locale.ROOT, "model: %s; %d synthetic answers, live pass fed in real time%n", modelName,
                    scripts.size());
            out.flush();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < scripts.size(); i++) {
                Script script = scripts.get(i);
                short[] audio = synthesise(dir, "u" + i, script);
                Path wav = dir.resolve("u" + i + ".wav");
                WavFiles.write(wav, audio, RATE);
                Truth truth = truth(audio);

                long t0 = System.nanoTime();
                Transcript batch = files.listen(wav).transcript();
                double batchSeconds = (System.nanoTime() - t0) / 1e9;

                LiveTranscriber live = new LiveTranscriber(model, modelName, 50, LiveTranscriber.Listener.NONE);
                long start = System.nanoTime();
                for (int at = 0, n = 0; at < audio.length; at += CHUNK, n++) {
                    long due = start + TimeUnit.MILLISECONDS.toNanos(20L * n);
                    for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                    short[] chunk = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + CHUNK));
                    live.accept(new AudioChunk(20_000_000L * n, RATE, chunk));
                }
                long lastFed = System.nanoTime();
                Transcript heardLive = live.finish();
                double latencyMs = (System.nanoTime() - lastFed) / 1e6;

                Row row = new Row(script, truth, batch.text(), WordErrorRate.of(script.reference(), batch.text()),
                        WordErrorRate.of(script.reference(), heardLive.text()),
                        SpeechMetrics.of(batch, Optional.empty(), MetricSettings.defaults()), batchSeconds, latencyMs,
                        live.dropped());
                rows.add(row);
                print(out, i, row);
                out.flush();
            }
            summary(out, rows);
        } finally {
            SpokenAudio.deleteTree(dir);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, int i, Row r) {
        Script s = r.script();
        Truth t = r.truth();
        SpeechMetrics m = r.batch();
        out.printf(Locale.ROOT, "u%d %-5s %3d wpm | WER batch %5.1f%% live %5.1f%% | wpm true %5.1f meas %s | "
                        + "pauses>2s true %d meas %d | ttfw true %4.0f ms meas %s | fillers true %d meas %d | "
                        + "latency %.0f ms%s%n",
                i, s.voice(), s.wpm(), 100 * r.werBatch(), 100 * r.werLive(), trueWpm(r), fmt(m.wordsPerMinute(), 1),
                t.longPauses(), m.longPauses().size(), 1000 * t.firstVoiced(),
                m.timeToFirstWord().isPresent() ? String.format(Locale.ROOT, "%4.0f ms", 1000 * m.timeToFirstWord()
                        .getAsDouble()) : "none", s.fillers(), m.fillers().total(), r.latencyMs(),
                r.dropped() > 0 ? " (" + r.dropped() + " chunks dropped)" : "");
        out.printf(Locale.ROOT, "   heard (batch): %s%n", r.heard());
    }

    private static void summary(PrintWriter out, List<Row> rows) {
        int m = rows.size();
        double refWords = 0;
        double batchErrors = 0;
        double liveErrors = 0;
        double audioSeconds = 0;
        double batchSeconds = 0;
        List<Double> latencies = new ArrayList<>();
        List<Double> wpmErrors = new ArrayList<>();
        List<Double> ttfwErrors = new ArrayList<>();
        int pausesExact = 0;
        int fillersExact = 0;
        for (Row r : rows) {
            int words = r.script().reference().split("\\s+").length;
            refWords += words;
            batchErrors += r.werBatch() * words;
            liveErrors += r.werLive() * words;
            audioSeconds += r.truth().seconds();
            batchSeconds += r.batchSeconds();
            latencies.add(r.latencyMs());
            SpeechMetrics s = r.batch();
            if (s.wordsPerMinute().isPresent()) {
                wpmErrors.add(Math.abs(s.wordsPerMinute().getAsDouble() / trueWpm(r) - 1) * 100);
            }
            if (s.timeToFirstWord().isPresent()) {
                ttfwErrors.add(Math.abs(s.timeToFirstWord().getAsDouble() - r.truth().firstVoiced()) * 1000);
            }
            pausesExact += s.longPauses().size() == r.truth().longPauses() ? 1 : 0;
            fillersExact += s.fillers().total() == r.script().fillers() ? 1 : 0;
        }
        double werBatch = batchErrors / refWords;
        double werLive = liveErrors / refWords;
        latencies.sort(null);
        out.println("--");
        out.printf(Locale.ROOT, "WER batch (word-weighted, %d reference words): %.1f%%%n", (int) refWords,
                100 * werBatch);
        out.printf(Locale.ROOT, "WER live: %.1f%% (live minus batch: %+.1f points)%n", 100 * werLive,
                100 * (werLive - werBatch));
        out.printf(Locale.ROOT, "batch real-time factor: %.3f (%.1f s wall for %.1f s of audio)%n",
                batchSeconds / audioSeconds, batchSeconds, audioSeconds);
        out.printf(Locale.ROOT, "end-of-answer latency: p50 %.0f ms, p95 %.0f ms over %d answers (target: p95 <= 300 "
                + "ms)%n", percentile(latencies, 50), percentile(latencies, 95), m);
        out.printf(Locale.ROOT, "WPM error: mean |%.1f%%|, max %.1f%% (target: within 5%%; measured words include "
                + "recognition errors)%n", mean(wpmErrors), max(wpmErrors));
        out.printf(Locale.ROOT, "long pauses (>2 s) exact in %d of %d (target: all)%n", pausesExact, m);
        out.printf(Locale.ROOT, "time to first word error: mean %.0f ms, max %.0f ms over %d answers with words "
                + "(target: within 100 ms)%n", mean(ttfwErrors), max(ttfwErrors), ttfwErrors.size());
        out.printf(Locale.ROOT, "fillers exact in %d of %d%n", fillersExact, m);
        out.printf(Locale.ROOT, "peak RSS of this bench process: %s (target for the whole app while recording and "
                + "transcribing: <= 700 MB)%n", BenchCommand.peakRss());
    }

    private static double trueWpm(Row r) {
        int words = r.script().reference().split("\\s+").length;
        return words / (r.truth().lastVoiced() - r.truth().firstVoiced()) * 60;
    }

    /** Speaks each segment, then joins them with known silences; returns 16 kHz mono samples. */
    private static short[] synthesise(Path dir, String name, Script script) throws IOException, InterruptedException {
        List<short[]> parts = new ArrayList<>();
        parts.add(SpokenAudio.silence(script.lead()));
        for (int k = 0; k < script.segments().size(); k++) {
            parts.add(SpokenAudio.speak(dir, name + "-" + k, script.voice(), script.wpm(), script.segments().get(k)));
            if (k < script.gaps().size()) {
                parts.add(SpokenAudio.silence(script.gaps().get(k)));
            }
        }
        // A second of trailing silence, as an answer ends before the candidate presses stop.
        parts.add(SpokenAudio.silence(1.0));
        return SpokenAudio.concat(parts);
    }

    /** Voiced span and long silences, from 10 ms frame energy of the assembled samples. */
    private static Truth truth(short[] audio) {
        int frames = audio.length / FRAME;
        int first = -1;
        int last = -1;
        int pauses = 0;
        int silentRun = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += (double) audio[i] * audio[i];
            }
            boolean voiced = Math.sqrt(sum / FRAME) > VOICED_RMS;
            if (voiced) {
                if (first < 0) {
                    first = f;
                } else if (silentRun * 0.01 > 2.0) {
                    pauses++;
                }
                last = f;
                silentRun = 0;
            } else {
                silentRun++;
            }
        }
        return new Truth(first * 0.01, (last + 1) * 0.01, pauses, audio.length / (double) RATE);
    }

    private static String fmt(java.util.OptionalDouble value, int decimals) {
        return value.isPresent() ? String.format(Locale.ROOT, "%5." + decimals + "f", value.getAsDouble()) : "none";
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
