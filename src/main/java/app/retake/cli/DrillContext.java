package app.retake.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

import app.retake.bank.QuestionLibrary;
import app.retake.drill.Preparedness;
import app.retake.drill.QuestionMemory;
import app.retake.history.AttemptLog;
import app.retake.storage.FileProblem;
import app.retake.storage.Locations;

/** What the drill commands share: the banks, the attempt log and the profile's preparedness. */
record DrillContext(Locations locations, QuestionLibrary library, AttemptLog log, Preparedness memory) {

    static DrillContext load(RetakeCommand root, String profile, PrintWriter err) {
        Locations locations = root.locations();
        QuestionLibrary library = QuestionLibrary.loadFolder(locations.banksDir());
        AttemptLog log = AttemptLog.in(locations.dataRoot());
        var history = log.readAll();
        for (FileProblem problem : history.problems()) {
            err.println("warning: " + problem);
        }
        if (!library.problems().isEmpty()) {
            err.println("warning: " + library.problems().size() + " problem(s) in the question banks; "
                    + "run 'retake bank check' to see them");
        }
        err.flush();
        return new DrillContext(locations, library, log, Preparedness.replay(history.attempts(), profile));
    }

    /** "new", "unprepared 2 days ago", "last: good today". */
    static String describe(Preparedness memory, String questionId, Instant now) {
        var m = memory.memory(questionId);
        if (m.isEmpty()) {
            return "new";
        }
        QuestionMemory q = m.get();
        String when = ago(q.lastReview(), now);
        return q.flaggedUnprepared() ? "on the unprepared list, last " + q.lastRating().label() + " " + when
                : "last " + q.lastRating().label() + " " + when;
    }

    static String ago(Instant then, Instant now) {
        long days = Duration.between(then, now).toDays();
        return days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }
}
