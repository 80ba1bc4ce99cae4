package app.retake.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.speech.FileTranscriber;
import app.retake.speech.LiveTranscriber;
import app.retake.speech.MetricSettings;
import app.retake.speech.MetricsReport;
import app.retake.speech.SpeechMetrics;
import app.retake.speech.VoiceMetrics;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.speech.Transcript;
import app.retake.speech.TranscriptFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code retake transcribe}: transcripts of recorded files, made on this machine. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = {"Transcribes WAV, MP3, M4A or MP4 files with the local speech model; several files are "
                + "decoded in parallel.", "Prints each transcript and how fast it was made."})
public final class TranscribeCommand implements Callable<Integer> {

    @ParentCommand
    RetakeCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to transcribe.")
    List<Path> files;

    @Option(names = "--json", description = "Print each transcript as JSON, words with their timings.")
    boolean json;

    @Option(names = "--question", paramLabel = "ID",
            description = "The bank question the answers reply to, for talking points and STAR.")
    String questionId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SpeechModelService speech = new SpeechModelService(root.locations().modelDir())) {
            ModelStatus status = speech.loadInBackground().join();
            if (!(status instanceof ModelStatus.Ready)) {
                err.println(app.retake.doctor.Findings.model(status).summary() + " (" + status.dir() + ")");
                err.flush();
                return 2;
            }
            Optional<Question> question = Optional.empty();
            if (questionId != null) {
                question = QuestionLibrary.loadFolder(root.locations().banksDir()).find(questionId);
                if (question.isEmpty()) {
                    err.println("No question has the id " + questionId + "; see 'retake bank list'.");
                    err.flush();
                    return 2;
                }
            }
            this.question = question;
            FileTranscriber transcriber = new FileTranscriber(speech.model().orElseThrow(),
                    status.dir().getFileName().toString());
            int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Timed>> results = new ArrayList<>();
                for (Path file : files) {
                    results.add(pool.submit(() -> {
                        long start = System.nanoTime();
                        FileTranscriber.Heard heard = transcriber.listen(file);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        return new Timed(heard.transcript(), heard.audio(), seconds,
                                VoiceMetrics.measure(heard.audio(), LiveTranscriber.RATE));
                    }));
                }
                int failed = 0;
                for (int i = 0; i < files.size(); i++) {
                    try {
                        Timed timed = results.get(i).get();
                        print(out, files.get(i), timed);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        Throwable cause = e.getCause();
                        err.println(cause instanceof IOException ? cause.getMessage() : files.get(i) + ": " + cause);
                    }
                }
                out.flush();
                err.flush();
                return failed == 0 ? 0 : 1;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void print(PrintWriter out, Path file, Timed timed) {
        Transcript t = timed.transcript();
        if (json) {
            out.print(TranscriptFiles.json(t));
            return;
        }
        out.printf(Locale.ROOT, "== %s (%.1f s of audio, %d words, transcribed in %.1f s, real-time factor %.2f)%n",
                file, t.seconds(), t.words().size(), timed.seconds(), t.seconds() > 0 ? timed.seconds() / t.seconds() : 0);
        out.println(t.text().isEmpty() ? "(no speech recognised)" : t.text());
        SpeechMetrics metrics = SpeechMetrics.of(t, timed.audio(), LiveTranscriber.RATE, question,
                MetricSettings.defaults());
        for (String line : MetricsReport.lines(metrics, timed.voice())) {
            out.println("  " + line);
        }
    }

    private Optional<Question> question = Optional.empty();

    private record Timed(Transcript transcript, short[] audio, double seconds, Optional<VoiceMetrics> voice) {
    }
}
