package app.retake.app;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import app.retake.bank.Question;
import app.retake.bank.QuestionLibrary;
import app.retake.capture.CameraDiscovery;
import app.retake.capture.CameraInfo;
import app.retake.capture.DeviceScan;
import app.retake.capture.MicrophoneInfo;
import app.retake.doctor.Finding;
import app.retake.doctor.Findings;
import app.retake.drill.SessionPlan;
import app.retake.drill.SpringFilter;
import app.retake.history.TakeFiles;
import app.retake.practice.InterruptedTakes;
import app.retake.practice.LateTranscription;
import app.retake.practice.Practice;
import app.retake.practice.SavedTakes;
import app.retake.practice.TakeResult;
import app.retake.progress.TakeRef;
import app.retake.review.SelfCheck;
import app.retake.speech.FileTranscriber;
import app.retake.speech.ModelStatus;
import app.retake.ui.ambush.AmbushModel;
import app.retake.ui.ambush.AmbushPopup;
import app.retake.ui.ambush.AmbushView;
import app.retake.ui.ambush.Chime;
import app.retake.ui.banks.BanksModel;
import app.retake.ui.banks.BanksView;
import app.retake.ui.common.FxTasks;
import app.retake.ui.debrief.DebriefModel;
import app.retake.ui.debrief.DebriefView;
import app.retake.ui.interview.ConsoleModel;
import app.retake.ui.interview.ConsoleView;
import app.retake.ui.practice.PracticeModel;
import app.retake.ui.practice.PracticeView;
import app.retake.ui.progress.ProgressModel;
import app.retake.ui.progress.ProgressView;
import app.retake.ui.review.CompareModel;
import app.retake.ui.review.CompareView;
import app.retake.ui.review.ReviewModel;
import app.retake.ui.review.ReviewView;
import app.retake.ui.settings.DeviceLister;
import app.retake.ui.settings.Look;
import app.retake.ui.settings.SettingsModel;
import app.retake.ui.settings.SettingsView;
import app.retake.ui.shell.Page;
import app.retake.ui.shell.ShellModel;
import app.retake.ui.shell.ShellView;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Builds the main window from the services and starts the background checks that fill its status area. */
public final class MainWindow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainWindow.class);

    private final Services services;
    private final ShellModel shell = new ShellModel();
    private final BanksModel banks;
    private final PracticeModel practice;
    private final ReviewModel review;
    private final ProgressModel progress;
    private final SettingsModel settingsPage;
    private final AmbushModel ambush;
    private final DebriefModel debrief;
    private final ConsoleModel console;
    private final app.retake.ui.interview.RemoteModel remote;
    private ConsoleView consoleView;
    private final Scene scene;

    MainWindow(Services services) {
        this.services = services;
        // Drill boxes change the settings through the Settings page's model, so neither overwrites the other.
        this.banks = new BanksModel(services.locations.banksDir(), services.files, services.settings::get,
                this::updateSettings);
        Map<Page, Supplier<Node>> pages = new EnumMap<>(Page.class);
        Practice practiceService = new Practice(services.locations, services.speech, services.settings::get,
                Clock.systemDefaultZone(), new SplittableRandom());
        this.review = new ReviewModel();
        CompareView compare = new CompareView(new CompareModel(review, services.locations.dataRoot(),
                () -> services.settings.get().profile(), () -> services.settings.get().metricSettings(),
                services.files, Clock.systemDefaultZone()), ZoneId.systemDefault());
        // Built on first use: the media player it holds takes a moment to load, and start-up should not wait.
        ReviewView[] reviewView = new ReviewView[1];
        Supplier<ReviewView> reviewPage = () -> {
            if (reviewView[0] == null) {
                reviewView[0] = new ReviewView(review, services.files, List.of(compare.button()));
            }
            return reviewView[0];
        };
        this.practice = new PracticeModel(practiceService, services.takes, new PracticeModel.ReviewHandoff() {
            @Override
            public void review(TakeResult take, PracticeModel.Loop loop) {
                review.show(take, Optional.of(loop), Optional.empty(), SelfCheck.EMPTY);
                shell.open(Page.REVIEW);
            }

            @Override
            public void back() {
                if (reviewView[0] != null) {
                    reviewView[0].stopPlayback();
                }
                shell.open(Page.PRACTICE);
            }

            @Override
            public void interviewEnded(TakeResult last, app.retake.review.InterviewerReview friend) {
                review.show(last, Optional.empty(), Optional.empty(), SelfCheck.EMPTY, friend);
                shell.open(Page.REVIEW);
                refreshProgress();
            }
        });
        // A friend's interview: the console plans it under the candidate's profile, and the main window becomes the
        // candidate's screen until it ends.
        this.console = new ConsoleModel(new ConsoleModel.Host() {
            @Override
            public Practice.InterviewStart plan(SessionPlan plan, String candidate) {
                return practiceService.startInterview(plan, candidate);
            }

            @Override
            public List<String> profiles() {
                return practiceService.knownProfiles();
            }

            @Override
            public boolean join(app.retake.interview.Interview interview, app.retake.practice.PracticeSession session) {
                if (!practice.joinInterview(interview, session)) {
                    return false;
                }
                if (!services.settings.get().profile().equals(interview.candidate())) {
                    updateSettings(s -> s.withProfile(interview.candidate()));
                }
                return true;
            }
        }, services.files);
        this.remote = new app.retake.ui.interview.RemoteModel(
                app.retake.ui.interview.RemoteModel.onLocalNetwork(Clock.systemUTC()), services.files,
                Clock.systemUTC());
        // The window is the candidate's screen exactly while the practice page takes part in an interview.
        practice.friendMode().addListener((obs, was, on) -> shell.candidateOnly(on));
        // Ambush mode: the timer lives on its own scheduler; choosing a question reads files, so it runs on `files`.
        this.ambush = new AmbushModel(services.settings.get().ambush().toSchedule(ZoneId.systemDefault()),
                services.ambush,
                services.files, practiceService::pickWeakSpot, this::answerAmbush);
        // An ambush in the middle of a take would only get in the way; it comes back at its next moment.
        ambush.holdWhile(practice.phase().isEqualTo(PracticeModel.Phase.RECORDING)
                .or(practice.phase().isEqualTo(PracticeModel.Phase.SAVING)));
        new AmbushPopup(ambush, new Chime(services.ambush)::play);
        AmbushView ambushView = new AmbushView(ambush);
        // Debriefs append attempts, so they share the thread of practice's log appends.
        this.debrief = new DebriefModel(services.locations.banksDir(), services.locations.dataRoot(),
                () -> services.settings.get().profile(), services.takes, Clock.systemDefaultZone(),
                saved -> refreshProgress());
        Button friend = new Button("Interview with a friend…");
        friend.setId("practice-friend");
        friend.setTooltip(new javafx.scene.control.Tooltip("A friend runs the interview from a second window or "
                + "their phone (Ctrl+I)"));
        friend.setOnAction(e -> openConsole());
        pages.put(Page.PRACTICE, () -> {
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
            HBox ambushBar = new HBox(10, ambushView.toggle(), ambushView.status(), gap, friend);
            // The candidate's screen shows only the question, the camera and the timer.
            ambushBar.visibleProperty().bind(shell.candidateOnlyProperty().not());
            ambushBar.managedProperty().bind(shell.candidateOnlyProperty().not());
            ambushBar.setAlignment(Pos.CENTER_LEFT);
            ambushBar.setPadding(new Insets(0, 0, 10, 0));
            return focusForwarding(ambushBar, new PracticeView(practice, this::categories).root());
        });
        pages.put(Page.REVIEW, () -> reviewPage.get().root());
        // The same thread as practice's log appends, so a delete never races an append.
        this.progress = new ProgressModel(services.locations.dataRoot(),
                () -> QuestionLibrary.loadFolder(services.locations.banksDir()), services.takes, ids -> {
                    practice.drill(new java.util.LinkedHashSet<>(ids),
                            new SessionPlan.QuickDrill(Math.max(1, ids.size()), SpringFilter.ANY));
                    shell.open(Page.PRACTICE);
                }, this::openSavedTake, () -> services.settings.get().profile(), Clock.systemDefaultZone());
        Button logInterview = new Button("Log a real interview…");
        logInterview.setId("progress-debrief");
        DebriefView[] debriefView = new DebriefView[1];
        logInterview.setOnAction(e -> {
            if (debriefView[0] == null) {
                debriefView[0] = new DebriefView(debrief);
            }
            debriefView[0].openWindow(window());
        });
        HBox progressBar = new HBox(logInterview);
        progressBar.setAlignment(Pos.CENTER_RIGHT);
        progressBar.setPadding(new Insets(0, 0, 8, 0));
        pages.put(Page.PROGRESS, () -> focusForwarding(progressBar, new ProgressView(progress).root()));
        pages.put(Page.BANKS, () -> new BanksView(banks).root());
        this.settingsPage = new SettingsModel(services.settingsStore, services.settings.get(),
                services.settingsProblems, services.files, new DeviceLister() {
                    @Override
                    public List<String> cameras() {
                        return services.cameras.scan(CameraDiscovery.SEARCH_LIMIT).devices().stream()
                                .map(CameraInfo::name).toList();
                    }

                    @Override
                    public List<String> microphones() {
                        return services.microphones.scan().devices().stream().map(MicrophoneInfo::name).toList();
                    }
                }, services.devices);
        // On the thread of the log appends, so deleting a profile's rows never races an append.
        settingsPage.eraseWith(services.takes, name -> {
            String done = app.retake.privacy.ProfileErasure.erase(services.locations.dataRoot(), name).summary();
            Platform.runLater(this::refreshProgress);
            return done;
        });
        pages.put(Page.SETTINGS, () -> new SettingsView(settingsPage, this::categories).root());
        ShellView view = new ShellView(shell, pages);
        // Whose takes these are; fixed while a take or a friend's interview is under way.
        view.addToNavigation(new app.retake.ui.settings.ProfileChooser(settingsPage, practiceService::knownProfiles,
                services.files, practice.friendMode().or(practice.phase().isEqualTo(PracticeModel.Phase.RECORDING))
                .or(practice.phase().isEqualTo(PracticeModel.Phase.SAVING))
                .or(practice.phase().isEqualTo(PracticeModel.Phase.BUSY))).root());
        scene = new Scene(view.root(), 1100, 720);
        view.installShortcuts(scene);
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.I,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::openConsole);
        var css = MainWindow.class.getResource("/app/retake/ui/retake.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        Look.apply(scene, services.settings.get());
        settingsPage.settings().addListener((obs, old, now) -> {
            services.settings.set(now);
            Look.apply(scene, now);
            consoleView().window().ifPresent(w -> Look.apply(w.getScene(), now));
            ambush.reconfigure(now.ambush().toSchedule(ZoneId.systemDefault()));
            if (!now.profile().equals(old.profile())) {
                refreshProgress();
                if (!practice.friendMode().get()) {
                    // A new person answers: the next Space starts a session on their weak spots, logged as theirs.
                    practice.choosePlan(practice.plan().get());
                }
            }
        });
    }

    /** The interviewer's console, built on first use. */
    private ConsoleView consoleView() {
        if (consoleView == null) {
            var remoteView = new app.retake.ui.interview.RemoteView(remote, console.interview().isNotNull(),
                    () -> remote.turnOn(console.interview().get()));
            consoleView = new ConsoleView(console, Optional.of(remoteView.root()), Optional.of(() -> {
                if (remote.on().get()) {
                    remote.turnOff();
                } else if (console.running()) {
                    remote.turnOn(console.interview().get());
                }
            }));
        }
        return consoleView;
    }

    /** Opens the interviewer's console in its own window. */
    void openConsole() {
        consoleView().openWindow(window(), scene.getStylesheets(), services.settings.get().profile());
        consoleView().window().ifPresent(w -> Look.apply(w.getScene(), services.settings.get()));
    }

    ConsoleModel console() {
        return console;
    }

    /** The console's window, once opened. */
    Optional<javafx.stage.Stage> consoleWindow() {
        return consoleView == null ? Optional.empty() : consoleView.window();
    }

    app.retake.ui.interview.RemoteModel remote() {
        return remote;
    }

    /** Applies the theme; call once on the FX thread before the first window is built. */
    static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** The window is closing: finish and log whatever take is under way, so nothing is lost. */
    void closing() {
        practice.finishBeforeExit(review.rating().get(), review.selfCheck().get(), java.time.Duration.ofSeconds(20));
        // Ending the interview above stops the phone remote; this covers a remote left on without one.
        remote.server().ifPresent(app.retake.remote.RemoteServer::stop);
        if (consoleView != null) {
            consoleView.window().ifPresent(javafx.stage.Stage::hide);
        }
    }

    /** Puts the window's scene on {@code stage}. */
    void attach(Stage stage) {
        stage.setTitle("Retake — mock interview trainer");
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        stage.setScene(scene);
    }

    BanksModel banks() {
        return banks;
    }

    PracticeModel practice() {
        return practice;
    }

    ReviewModel review() {
        return review;
    }

    ShellModel shell() {
        return shell;
    }

    private void updateSettings(java.util.function.UnaryOperator<app.retake.settings.Settings> change) {
        settingsPage.update(change);
    }

    /** Opens a take from the history in Review; reading its files happens off the FX thread. */
    private void openSavedTake(TakeRef ref) {
        Optional<TakeFiles> files = ref.files().or(() -> ref.video().map(v -> {
            String name = v.getFileName().toString();
            return new TakeFiles(v.getParent(), name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : name);
        }));
        if (files.isEmpty()) {
            return;
        }
        var settings = services.settings.get().metricSettings();
        FxTasks.supply(services.files, () -> SavedTakes.open(files.get(),
                QuestionLibrary.loadFolder(services.locations.banksDir()).find(ref.attempt().questionId()), settings),
                opened -> {
                    // The review file holds the rating; a row logged without one (a debrief, an old take) has it in
                    // the log only.
                    review.show(opened.take(), Optional.empty(),
                            opened.review().rating().or(() -> ref.attempt().effectiveRating()),
                            opened.review().selfCheck(), opened.interviewer());
                    shell.open(Page.REVIEW);
                }, e -> LOG.warn("Could not open the take {}", ref.take(), e));
    }

    /** Transcribes, in the background, takes recorded while the model was missing or still loading. */
    private void transcribeLateTakes(ModelStatus.Ready ready) {
        var model = services.speech.model();
        if (model.isEmpty()) {
            return;
        }
        var transcriber = new FileTranscriber(model.get(), ready.dir().getFileName().toString());
        var settings = services.settings.get().metricSettings();
        FxTasks.supply(services.takes, () -> LateTranscription.run(services.locations.dataRoot(), transcriber,
                QuestionLibrary.loadFolder(services.locations.banksDir()), settings), outcome -> {
                    if (!outcome.transcribed().isEmpty() || !outcome.problems().isEmpty()) {
                        Finding base = Findings.model(ready);
                        String done = outcome.transcribed().isEmpty() ? "" : " Transcribed "
                                + outcome.transcribed().size() + " take(s) recorded before it was ready.";
                        shell.report(new Finding(base.subject(), outcome.problems().isEmpty() ? base.level()
                                : Finding.Level.LIMITED, base.summary() + done + (outcome.problems().isEmpty() ? ""
                                : " " + outcome.problems().size() + " take(s) could not be transcribed."),
                                outcome.problems()));
                    }
                }, e -> LOG.warn("Transcribing earlier takes failed", e));
    }

    AmbushModel ambush() {
        return ambush;
    }

    private Window window() {
        return scene.getWindow();
    }

    private void refreshProgress() {
        progress.refresh();
    }

    /**
     * A page with a bar of extra controls above it. The shell focuses the node it shows so that keys reach the
     * page; this passes that focus on to the page itself, whose key handlers sit on its own root.
     */
    private static Node focusForwarding(Node bar, Node page) {
        BorderPane wrapper = new BorderPane(page);
        wrapper.setTop(bar);
        wrapper.focusedProperty().addListener((obs, was, is) -> {
            if (is) {
                page.requestFocus();
            }
        });
        return wrapper;
    }

    /** The user took the ambush: bring the window back and record an answer to that question at once. */
    void answerAmbush(Question question) {
        if (scene.getWindow() instanceof Stage stage) {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
        }
        shell.open(Page.PRACTICE);
        ChangeListener<PracticeModel.Phase> startWhenAsked = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends PracticeModel.Phase> obs, PracticeModel.Phase was,
                                PracticeModel.Phase now) {
                if (now == PracticeModel.Phase.BUSY) {
                    return;
                }
                practice.phase().removeListener(this);
                if (now == PracticeModel.Phase.QUESTION
                        && practice.question().get().filter(q -> q.id().equals(question.id())).isPresent()) {
                    practice.space();
                }
            }
        };
        practice.phase().addListener(startWhenAsked);
        practice.drill(Set.of(question.id()), new SessionPlan.QuickDrill(1, SpringFilter.ANY));
        if (practice.phase().get() != PracticeModel.Phase.BUSY) {
            // drill() refused (a take is recording or saving); leave that take alone.
            practice.phase().removeListener(startWhenAsked);
        }
    }

    /** The categories of the loaded banks, for the practice plan chooser. */
    private List<String> categories() {
        var library = banks.libraryProperty().get();
        return library == null ? List.of() : List.copyOf(new java.util.TreeSet<>(library.countsByCategory().keySet()));
    }

    /** Starts the checks and loads; each reports back on the FX thread. */
    void startBackgroundWork() {
        banks.reload();
        services.speech.addListener(status -> Platform.runLater(() -> {
            shell.report(Findings.model(status));
            if (status instanceof ModelStatus.Ready ready) {
                transcribeLateTakes(ready);
            }
        }));
        shell.report(Findings.model(services.speech.status()));
        services.speech.loadInBackground();
        var settings = services.settings.get();
        Findings.chosen(Finding.Subject.CAMERA, settings.camera()).ifPresentOrElse(shell::report,
                () -> FxTasks.supply(services.devices,
                        () -> Findings.camera(services.cameras.scan(CameraDiscovery.SEARCH_LIMIT)), shell::report,
                        e -> shell.report(Findings.camera(DeviceScan.failed(String.valueOf(e))))));
        Findings.chosen(Finding.Subject.MICROPHONE, settings.microphone()).ifPresentOrElse(shell::report,
                () -> FxTasks.supply(services.devices, () -> Findings.microphone(services.microphones.scan()),
                        shell::report, e -> shell.report(Findings.microphone(DeviceScan.failed(String.valueOf(e))))));
        if (!services.settingsProblems.isEmpty()) {
            practice.notes().set("Some settings could not be read and keep their defaults; see the Settings page "
                    + "(Ctrl+5).");
        }
        // On the thread that appends to the attempt log, before any take: takes Retake died during are repaired
        // and logged as interrupted.
        int keepDays = settings.privacy().keepVideoDays();
        FxTasks.supply(services.takes, () -> {
            InterruptedTakes.Recovery recovery = InterruptedTakes.recover(services.locations.dataRoot());
            // Bank rewrites a kill cut short leave a temporary file beside the bank; loading ignores it.
            app.retake.storage.AtomicFiles.removeLeftovers(services.locations.banksDir(), 1,
                    java.time.Duration.ofMinutes(10));
            return Map.entry(recovery, Findings.withRecovery(Findings.data(services.locations, recovery.repaired()),
                    recovery.logged().size(), recovery.problems()));
        }, done -> {
            shell.report(done.getValue());
            if (!done.getKey().logged().isEmpty()) {
                refreshProgress();
            }
            // Only after the repair, so a video it was finishing is never deleted under it.
            if (keepDays > 0) {
                FxTasks.supply(services.files, () -> app.retake.privacy.VideoRetention.run(
                        services.locations.dataRoot(), keepDays, java.time.LocalDate.now(), false), outcome -> {
                            if (!outcome.deleted().isEmpty()) {
                                refreshProgress();
                            }
                        }, e -> LOG.warn("Deleting old videos failed", e));
            }
        }, e -> shell.report(new Finding(Finding.Subject.DATA, Finding.Level.PROBLEM,
                "Could not check the data folder " + services.locations.dataRoot() + ": " + e.getMessage(),
                List.of())));
    }
}
