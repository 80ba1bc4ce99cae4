package app.retake.faults;

import java.nio.file.Path;
import java.util.Optional;

import app.retake.speech.FileTranscriber;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;
import app.retake.storage.Locations;

/** The speech model where Retake would find it, loaded for trials that transcribe; trials go on without one. */
final class SpeechModels {

    private SpeechModels() {
    }

    /** The folder Retake would load the model from: {@code retake.model.dir} if set, else the usual places. */
    static Path folder() {
        String set = System.getProperty("retake.model.dir");
        return set != null && !set.isBlank() ? Path.of(set) : Locations.resolve(null, null, null).modelDir();
    }

    /** A loaded model, or a note saying why there is none. */
    static final class Loaded implements AutoCloseable {
        private final SpeechModelService service;
        private final Optional<FileTranscriber> transcriber;
        private final Optional<String> note;

        private Loaded(SpeechModelService service, Optional<FileTranscriber> transcriber, Optional<String> note) {
            this.service = service;
            this.transcriber = transcriber;
            this.note = note;
        }

        Optional<FileTranscriber> transcriber() {
            return transcriber;
        }

        /** Why transcribing was left out, when it was. */
        Optional<String> note() {
            return note;
        }

        @Override
        public void close() {
            service.close();
        }
    }

    /** Loads the model (about a second); without one, trials skip what needs it and say so. */
    static Loaded load() {
        Path dir = folder();
        SpeechModelService service = new SpeechModelService(dir);
        ModelStatus status = service.loadInBackground().join();
        if (status instanceof ModelStatus.Ready && service.model().isPresent()) {
            return new Loaded(service, Optional.of(new FileTranscriber(service.model().get(),
                    dir.getFileName().toString())), Optional.empty());
        }
        return new Loaded(service, Optional.empty(), Optional.of("no speech model at " + dir
                + ", so late transcription was not tried"));
    }
}
