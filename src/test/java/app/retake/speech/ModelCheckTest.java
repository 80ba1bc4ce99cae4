package app.retake.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged model files are found before Vosk reads them, because some damage makes Vosk crash rather than fail. */
class ModelCheckTest {

    static final Path MODEL = Path.of(System.getProperty("retake.model.dir", "models/vosk-model-en-us"));

    @TempDir
    Path dir;

    @Test
    void theShippedModelIsKnownAndWhole() throws Exception {
        assumeTrue(Files.isDirectory(MODEL), "speech model missing");
        assertThat(ModelCheck.known()).anySatisfy(k -> assertThat(k.files()).hasSizeGreaterThan(10));
        assertThat(ModelCheck.identify(MODEL, ModelCheck.known())).isPresent();
        assertThat(ModelCheck.problem(MODEL)).isEmpty();
    }

    @Test
    void aCopyWithAListCutShortIsNamedAndNeverReachesVosk() throws Exception {
        assumeTrue(Files.isDirectory(MODEL), "speech model missing");
        Path copy = linkCopy(MODEL, dir.resolve("model"));
        Path list = copy.resolve("graph/disambig_tid.int");
        byte[] whole = Files.readAllBytes(list);
        Files.delete(list);
        // Cut at a line end: Vosk would load it and crash on the first words it hears.
        int lineEnd = whole.length / 2;
        while (whole[lineEnd - 1] != '\n') {
            lineEnd--;
        }
        Files.write(list, Arrays.copyOf(whole, lineEnd));

        assertThat(ModelCheck.problem(copy)).hasValueSatisfying(p -> assertThat(p).startsWith(
                "graph/disambig_tid.int is damaged"));
        try (SpeechModelService speech = new SpeechModelService(copy)) {
            ModelStatus status = speech.loadInBackground().join();
            assertThat(status).isInstanceOfSatisfying(ModelStatus.Failed.class,
                    f -> assertThat(f.reason()).contains("graph/disambig_tid.int"));
            assertThat(speech.model()).isEmpty();
        }
    }

    @Test
    void aCopyWithChangedBytesOrAFileMissingIsNamedEvenWithoutItsUuid() throws Exception {
        assumeTrue(Files.isDirectory(MODEL), "speech model missing");
        Path copy = linkCopy(MODEL, dir.resolve("model"));
        Files.delete(copy.resolve("uuid"));
        Path conf = copy.resolve("conf/model.conf");
        byte[] bytes = Files.readAllBytes(conf);
        Files.delete(conf);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(conf, bytes);
        assertThat(ModelCheck.problem(copy)).hasValue("conf/model.conf is damaged (its contents are not those of the "
                + "model Retake ships)");

        Files.delete(copy.resolve("ivector/final.mat"));
        Files.write(conf, Files.readAllBytes(MODEL.resolve("conf/model.conf")));
        assertThat(ModelCheck.problem(copy)).hasValue("ivector/final.mat is missing");
    }

    @Test
    void inAModelRetakeDoesNotKnowAListCutMidLineIsFound() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other/graph"));
        Files.writeString(other.getParent().resolve("uuid"), "another-model\n");
        Files.writeString(other.resolve("disambig_tid.int"), "101\n102\n10");
        assertThat(ModelCheck.problem(other.getParent())).hasValue("graph/disambig_tid.int is cut short");

        Files.writeString(other.resolve("disambig_tid.int"), "101\n102\n103\n");
        assertThat(ModelCheck.problem(other.getParent())).isEmpty();
    }

    private static Path linkCopy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.createSymbolicLink(target, f.toAbsolutePath());
            }
        }
        return to;
    }
}
