package app.retake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import app.retake.storage.Locations;

/** {@code retake --ambush} opens the window with ambush mode on; without it, the window opens as before. */
class AmbushOptionTest {

    /** Remembers how it was asked to open the window. */
    private static final class RecordingGui implements GuiStarter {
        final AtomicReference<Boolean> ambush = new AtomicReference<>();

        @Override
        public int start(Locations locations, boolean exitWhenShown) {
            throw new AssertionError("the command should say whether ambush mode is on");
        }

        @Override
        public int start(Locations locations, boolean exitWhenShown, boolean ambushMode) {
            ambush.set(ambushMode);
            return 0;
        }
    }

    @Test
    void ambushOptionOpensTheWindowInAmbushMode() {
        RecordingGui gui = new RecordingGui();
        CliTest.Run r = CliTest.run(gui, "--ambush");
        assertThat(r.exit()).isZero();
        assertThat(gui.ambush.get()).isTrue();
    }

    @Test
    void withoutTheOptionTheWindowOpensAsBefore() {
        RecordingGui gui = new RecordingGui();
        assertThat(CliTest.run(gui).exit()).isZero();
        assertThat(gui.ambush.get()).isFalse();
    }

    @Test
    void aStarterThatKnowsNothingOfAmbushModeStillOpensTheWindow() {
        AtomicReference<Boolean> opened = new AtomicReference<>(false);
        CliTest.Run r = CliTest.run((locations, exitWhenShown) -> {
            opened.set(true);
            return 0;
        }, "--ambush");
        assertThat(r.exit()).isZero();
        assertThat(opened.get()).isTrue();
    }

    @Test
    void helpDescribesTheOption() {
        assertThat(CliTest.run("--help").out()).contains("--ambush").contains("minimised");
    }
}
